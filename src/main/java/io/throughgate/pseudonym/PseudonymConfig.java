package io.throughgate.pseudonym;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the pseudonymisation keys are kept. */
@ConfigMapping(prefix = "throughgate.pseudonym")
public interface PseudonymConfig {

    /**
     * PKCS#12 key store of the pseudonymisation master keys (HmacSHA256 secret keys, alias = key id). Every hub
     * replica must use the same one. Unset: {@code <data-dir>/keys/pseudonym-keys.p12}, created on first start
     * outside the production profile.
     */
    Optional<String> keystore();

    /** Password of the key store. */
    @WithDefault("throughgate-dev")
    String keystorePassword();

    /**
     * The key id new pseudonyms are made with, instead of the key the store marks active (every replica must then
     * name the same); unset takes the store's mark ({@code pseudonym-keys rotate} and {@code activate} set it).
     */
    Optional<String> activeKey();
}

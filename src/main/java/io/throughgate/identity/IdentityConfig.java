package io.throughgate.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the hub decides who is calling. */
@ConfigMapping(prefix = "throughgate.identity")
public interface IdentityConfig {

    /** PEM file of the CA certificates whose client certificates the hub accepts. */
    @WithDefault("certs-dev/ca/ca.crt")
    String trustedCertificates();

    /**
     * Allow the development CA or development server key in the production profile. Only for trying the packaged
     * hub on a laptop; never set in a real deployment.
     */
    @WithDefault("false")
    boolean allowDevelopmentKeys();

    /** How long a verified client certificate chain is remembered before it is verified again. */
    @WithDefault("PT5M")
    Duration verificationCacheTime();
}

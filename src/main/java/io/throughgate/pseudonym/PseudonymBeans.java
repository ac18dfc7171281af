package io.throughgate.pseudonym;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.throughgate.config.HubConfig;

/**
 * Loads the pseudonym keys. Outside the production profile a missing key store is created with one random key;
 * in production it must be provided (every replica needs the same keys), and a missing one stops start-up.
 */
@Singleton
public class PseudonymBeans {

    private static final Logger LOG = Logger.getLogger(PseudonymBeans.class);

    @Produces
    @Singleton
    Pseudonyms pseudonyms(PseudonymConfig config, HubConfig hub) {
        Path file = Path.of(config.keystore().orElse(Path.of(hub.dataDir(), "keys", "pseudonym-keys.p12")
                .toString()));
        char[] password = config.keystorePassword().toCharArray();
        if (!Files.exists(file)) {
            if (ConfigUtils.isProfileActive("prod")) {
                throw new IllegalStateException("the pseudonym key store " + file.toAbsolutePath()
                        + " does not exist; every replica needs the same keys (see README, pseudonym keys)");
            }
            PseudonymKeyStore.addKey(file, password, "k1");
            LOG.warnf("created a new pseudonym key store %s with key k1; back it up: without it no pseudonym "
                    + "can be looked up again", file.toAbsolutePath());
        }
        PseudonymKeyring keyring = PseudonymKeyStore.load(file, password, config.activeKey());
        LOG.infof("pseudonym keys %s, active %s", keyring.keyIds(), keyring.activeKeyId());
        return new Pseudonyms(keyring);
    }

    @Produces
    @Singleton
    SubjectPseudonyms subjectPseudonyms(Pseudonyms pseudonyms) {
        return new SubjectPseudonyms(pseudonyms);
    }
}

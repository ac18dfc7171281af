package io.throughgate.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.throughgate.config.StartupOrder;
import io.throughgate.deliver.DeliveryConfig;
import io.throughgate.identity.IdentityConfig;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.kafka.KafkaConnectionConfig;
import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;
import io.throughgate.pki.TrustedAuthorities;
import io.throughgate.sharinglog.SharingLogConfig;

/**
 * Refuses to start the production profile with development key material (the CA, server key, delivery signing key
 * and sharing-log signing key of {@code certs-dev/}, and the in-process Kafka broker's key and CA, whose private
 * keys are public), unless
 * {@code throughgate.identity.allow-development-keys} says so explicitly. Other profiles start with a warning.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeyGuard.class);

    @Inject
    TrustedAuthorities authorities;

    @Inject
    TlsConfigurationRegistry tls;

    @Inject
    IdentityConfig config;

    @Inject
    DeliveryConfig delivery;

    @Inject
    SharingLogConfig sharingLog;

    @Inject
    KafkaConnection kafka;

    @Inject
    KafkaConnectionConfig kafkaConfig;

    void check(@Observes @Priority(StartupOrder.KEY_CHECK) StartupEvent event) {
        boolean developmentCa = authorities.includesDevelopmentAuthority() || kafka.isEmbedded()
                && isDevelopmentCertificate(Path.of(kafkaConfig.embedded().trustedCertificates()));
        boolean developmentServerKey = serverCertificate().map(TrustedAuthorities::isDevelopmentMaterial)
                .orElse(false) || isDevelopmentCertificate(Path.of(delivery.signingCertificate()))
                || isDevelopmentCertificate(Path.of(sharingLog.signingCertificate()))
                || kafka.isEmbedded() && isDevelopmentKeyStore(Path.of(kafkaConfig.embedded().brokerKeyStore()),
                        kafkaConfig.embedded().keyStorePassword());
        Optional<String> refusal = refusal(ConfigUtils.isProfileActive("prod"), config.allowDevelopmentKeys(),
                developmentCa, developmentServerKey);
        if (refusal.isPresent()) {
            throw new IllegalStateException(refusal.get());
        }
        if (developmentCa || developmentServerKey) {
            LOG.warnf("using %s: DEVELOPMENT ONLY, never in production", describe(developmentCa, developmentServerKey));
        }
    }

    /**
     * Why the hub must not start, if it must not.
     *
     * @param production whether the production profile is active
     * @param allowed whether the operator explicitly allowed development keys
     * @param developmentCa whether a trusted CA is development material
     * @param developmentServerKey whether the HTTPS server certificate, the delivery signing certificate or the
     *        sharing-log signing certificate is development material
     * @return the reason to refuse, or empty
     */
    static Optional<String> refusal(boolean production, boolean allowed, boolean developmentCa,
            boolean developmentServerKey) {
        if (!production || allowed || !(developmentCa || developmentServerKey)) {
            return Optional.empty();
        }
        return Optional.of("refusing to start: the production profile is configured with "
                + describe(developmentCa, developmentServerKey)
                + " from certs-dev/, whose private keys are public. Configure your own CA "
                + "(throughgate.identity.trusted-certificates), server key (quarkus.tls.key-store.*), delivery "
                + "signing key (throughgate.delivery.signing-*) and sharing-log signing key "
                + "(throughgate.sharing-log.signing-*), and for the in-process Kafka broker its key stores and CA "
                + "(throughgate.kafka.embedded.*), or run a development profile (-Dquarkus.profile=dev).");
    }

    private static String describe(boolean developmentCa, boolean developmentServerKey) {
        return developmentCa && developmentServerKey
                ? "the development CA and server keys"
                : developmentCa ? "the development CA" : "the development server keys";
    }

    /**
     * Whether the first certificate of a PEM file is development material. A file that cannot be read is not: the
     * component that uses it fails at start with its own message.
     */
    static boolean isDevelopmentCertificate(Path pem) {
        try {
            return Pem.readCertificates(pem).stream().findFirst().map(TrustedAuthorities::isDevelopmentMaterial)
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the first certificate of a PKCS#12 key store is development material; an unreadable one is not (the
     * component that uses it fails at start with its own message).
     */
    static boolean isDevelopmentKeyStore(Path keyStore, String password) {
        try {
            KeyStore store = Pkcs12.read(keyStore, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate x509) {
                    return TrustedAuthorities.isDevelopmentMaterial(x509);
                }
            }
            return false;
        } catch (IOException | KeyStoreException | RuntimeException e) {
            return false;
        }
    }

    private Optional<X509Certificate> serverCertificate() {
        KeyStore keyStore = tls.getDefault().map(TlsConfiguration::getKeyStore).orElse(null);
        if (keyStore == null) {
            return Optional.empty();
        }
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate certificate = keyStore.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    return Optional.of(x509);
                }
            }
            return Optional.empty();
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read the HTTPS server key store", e);
        }
    }
}

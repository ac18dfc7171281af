package io.throughgate.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * A party's certificate for Kafka over mutual TLS: its key store (PKCS#12, key and chain) and the CA certificates it
 * trusts (PEM). The in-process broker presents one and accepts clients whose certificates chain to its trusted CAs;
 * clients (the hub, an agency's subscriber) present theirs.
 *
 * @param keyStore the PKCS#12 file with the private key and its chain
 * @param password the key store's password (also its key's)
 * @param trustedCertificates a PEM file of the CA certificates trusted for the other side
 */
public record KafkaTls(Path keyStore, String password, Path trustedCertificates) {

    public KafkaTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
    }

    /** Client settings that connect over TLS presenting this certificate. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(storeProperties());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        return properties;
    }

    /**
     * The hub's settings ({@code throughgate.kafka.*}, see {@link KafkaConnectionConfig}) that connect it to an
     * external cluster over mutual TLS with this certificate.
     */
    public Map<String, String> hubSettings() {
        return Map.of("throughgate.kafka.security-protocol", "SSL",
                "throughgate.kafka.ssl-keystore-location", keyStore.toAbsolutePath().toString(),
                "throughgate.kafka.ssl-keystore-type", "PKCS12",
                "throughgate.kafka.ssl-keystore-password", password,
                "throughgate.kafka.ssl-truststore-location", trustedCertificates.toAbsolutePath().toString(),
                "throughgate.kafka.ssl-truststore-type", "PEM");
    }

    /** The key store and trust store settings, named as both brokers and clients name them. */
    Map<String, String> storeProperties() {
        return Map.of(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keyStore.toAbsolutePath().toString(),
                SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12",
                SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, password,
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustedCertificates.toAbsolutePath().toString(),
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
    }
}

package io.throughgate.kafka;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the hub reaches Kafka: an external cluster, or a broker it runs in-process. */
@ConfigMapping(prefix = "throughgate.kafka")
public interface KafkaConnectionConfig {

    /** Bootstrap servers of an external Kafka cluster; when unset the hub runs a broker in-process. */
    Optional<String> bootstrapServers();

    /** The in-process broker, used only when no bootstrap servers are set. */
    Embedded embedded();

    /** Client security protocol for an external cluster: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
    Optional<String> securityProtocol();

    /** SASL mechanism for an external cluster, e.g. SCRAM-SHA-512. */
    Optional<String> saslMechanism();

    /** SASL JAAS configuration line for an external cluster. */
    Optional<String> saslJaasConfig();

    /** Trust store (PEM or PKCS12 file) for an external cluster's TLS listener. */
    Optional<String> sslTruststoreLocation();

    /** Type of the trust store: PEM, PKCS12 or JKS. */
    Optional<String> sslTruststoreType();

    /** Password of the trust store, if it has one. */
    Optional<String> sslTruststorePassword();

    /** Key store holding the hub's client certificate, for clusters that authenticate clients by TLS. */
    Optional<String> sslKeystoreLocation();

    /** Type of the key store: PKCS12 or JKS. */
    Optional<String> sslKeystoreType();

    /** Password of the key store. */
    Optional<String> sslKeystorePassword();

    /** Create the hub's topics at start when they are missing (turn off where topics are managed elsewhere). */
    @WithDefault("true")
    boolean createTopics();

    /** Partitions of each topic the hub creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of each topic the hub creates; -1 takes the cluster's default. */
    @WithDefault("-1")
    short topicReplicationFactor();

    /** The in-process broker. */
    interface Embedded {

        /** Port of the in-process broker's client listener, on localhost. */
        @WithDefault("19092")
        int port();

        /** Port of the in-process broker's KRaft controller listener, on localhost. */
        @WithDefault("19093")
        int controllerPort();

        /** The broker's certificate and key (PKCS#12): its TLS server certificate and its own client identity. */
        @WithDefault("certs-dev/hub/kafka-broker.p12")
        String brokerKeyStore();

        /** The hub's Kafka client certificate and key (PKCS#12) for the in-process broker. */
        @WithDefault("certs-dev/hub/kafka-hub.p12")
        String hubKeyStore();

        /** The password of both key stores. */
        @WithDefault("throughgate-dev")
        String keyStorePassword();

        /** The CA certificates (PEM) whose client certificates the broker accepts, and that the hub trusts. */
        @WithDefault("certs-dev/ca/ca.crt")
        String trustedCertificates();
    }
}

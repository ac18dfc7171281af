package io.throughgate.kafka;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.jboss.logging.Logger;

import io.throughgate.config.HubConfig;
import io.throughgate.directory.AgencyDirectory;

/**
 * The hub's way to Kafka. With bootstrap servers configured it connects to that cluster; otherwise it starts a
 * real broker in-process the first time anything needs Kafka, keeping its data under the data folder, and stops
 * it when the hub stops.
 */
@ApplicationScoped
public class KafkaConnection {

    private static final Logger LOG = Logger.getLogger(KafkaConnection.class);

    @Inject
    KafkaConnectionConfig config;

    @Inject
    HubConfig hub;

    @Inject
    AgencyDirectory directory;

    @Inject
    Clock clock;

    private EmbeddedKafkaBroker embedded;
    private Admin admin;

    /** The bootstrap servers, starting the in-process broker first when the hub runs one. */
    public synchronized String bootstrapServers() {
        Optional<String> external = config.bootstrapServers().filter(servers -> !servers.isBlank());
        if (external.isPresent()) {
            return external.get();
        }
        if (embedded == null) {
            Path logDir = Path.of(hub.dataDir(), "kafka");
            embedded = new EmbeddedKafkaBroker(logDir, config.embedded().port(), config.embedded().controllerPort(),
                    embeddedTls(config.embedded().brokerKeyStore()));
            long started = System.nanoTime();
            embedded.start();
            int changed = InboxAcls.reconcile(embedded.adminProperties(), directory, LocalDate.now(clock));
            LOG.infof("in-process Kafka broker (KRaft, mutual TLS, ACLs: %d changed) ready at %s in %d ms, data in %s",
                    changed, embedded.bootstrapServers(), (System.nanoTime() - started) / 1_000_000, logDir
                            .toAbsolutePath());
        }
        return embedded.bootstrapServers();
    }

    /** Whether the hub runs its broker in-process. */
    public boolean isEmbedded() {
        return config.bootstrapServers().filter(servers -> !servers.isBlank()).isEmpty();
    }

    /** Connection and security settings shared by every Kafka client of the hub. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (isEmbedded()) {
            properties.putAll(embeddedTls(config.embedded().hubKeyStore()).clientProperties());
            return properties;
        }
        config.securityProtocol().ifPresent(value -> properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                value));
        config.saslMechanism().ifPresent(value -> properties.put(SaslConfigs.SASL_MECHANISM, value));
        config.saslJaasConfig().ifPresent(value -> properties.put(SaslConfigs.SASL_JAAS_CONFIG, value));
        config.sslTruststoreLocation().ifPresent(value -> properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                value));
        config.sslTruststoreType().ifPresent(value -> properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, value));
        config.sslTruststorePassword().ifPresent(value -> properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
                value));
        config.sslKeystoreLocation().ifPresent(value -> properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
                value));
        config.sslKeystoreType().ifPresent(value -> properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, value));
        config.sslKeystorePassword().ifPresent(value -> properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG,
                value));
        return properties;
    }

    private KafkaTls embeddedTls(String keyStore) {
        return new KafkaTls(Path.of(keyStore), config.embedded().keyStorePassword(), Path.of(config.embedded()
                .trustedCertificates()));
    }

    /** A shared admin client, created on first use. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(clientProperties());
        }
        return admin;
    }

    @PreDestroy
    synchronized void stop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (embedded != null) {
            embedded.close();
            LOG.info("in-process Kafka broker stopped");
            embedded = null;
        }
    }
}

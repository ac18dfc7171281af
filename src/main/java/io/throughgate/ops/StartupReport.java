package io.throughgate.ops;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.NodeId;
import io.throughgate.database.HubDatabase;
import io.throughgate.database.HubStartLog;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.pseudonym.Pseudonyms;

/** Records the start in the database and tells the operator where everything is. */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    @Inject
    HubStartLog starts;

    @Inject
    HubDatabase database;

    @Inject
    KafkaConnection kafka;

    @Inject
    AgencyDirectory directory;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    NodeId node;

    @ConfigProperty(name = "quarkus.http.ssl-port")
    int httpsPort;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    void report(@Observes StartupEvent event) throws SQLException {
        // Loading the pseudonym keys now, not on the first record, makes a missing key store stop start-up.
        pseudonyms.keyring();
        long startNumber = starts.recordStart(node.get(), version, directory.sha256());
        String base = "https://localhost:" + httpsPort;
        LOG.infof("""
                Throughgate %s is up (start %d recorded in the %s database)
                  API (client certificate required): %s/v1   e.g. %s/v1/whoami
                  OpenAPI: %s/q/openapi   Swagger UI: %s/q/swagger-ui
                  health: %s/q/health   metrics: %s/q/metrics
                  Kafka: %s (%s)""", version, startNumber, database.kind().datasourceName(), base, base, base,
                base, base, base, kafka.bootstrapServers(), kafka.isEmbedded() ? "in-process broker" : "external");
    }
}

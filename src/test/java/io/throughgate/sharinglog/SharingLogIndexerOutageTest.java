package io.throughgate.sharinglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.deliver.TestRecords;
import io.throughgate.json.Json;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.kafka.Topics;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * An indexer whose database is unavailable for a while catches up once it is back, indexing every committed event
 * exactly once; a second indexer reading the topic again from its beginning adds nothing twice. Each runs beside
 * the hub's own, on a database of its own.
 */
@QuarkusTest
class SharingLogIndexerOutageTest {

    @Inject
    KafkaConnection kafka;

    @Test
    void catchesUpAfterADatabaseOutageIndexingEachEventOnce() throws Exception {
        FlakyDataSource database = new FlakyDataSource();
        database.down = true;
        try (SharingLogIndexer indexer = indexer(database)) {
            push();
            push();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !indexer.healthy());
            database.down = false;
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> indexed(database).equals(committedEvents()));
        }
        Set<String> caughtUpWith = new HashSet<>();
        try (SharingLogIndexer again = indexer(database)) {
            push();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                Set<String> committed = committedEvents();
                caughtUpWith.clear();
                caughtUpWith.addAll(committed);
                return indexed(database).equals(committed);
            });
        }
        // The hub goes on committing its own notices in the background, so the topic may hold more by now; what was
        // indexed must be every event committed when the indexer caught up, each once, and nothing else.
        Set<String> indexedIds = indexed(database);
        assertEquals(indexedIds.size(), count(database), "each event once");
        assertTrue(indexedIds.containsAll(caughtUpWith), "every event committed before it caught up");
        assertTrue(committedEvents().containsAll(indexedIds), "nothing that was not committed");
        LogVerification verification = LogDatabases.verify(database);
        assertTrue(verification.verified(), verification.problems()::toString);
    }

    private SharingLogIndexer indexer(DataSource database) {
        // A group of its own, so it reads every partition from the stored positions, beside the hub's indexer.
        SharingLogIndexer indexer = new SharingLogIndexer(kafka.clientProperties(), new SharingLogAppender(database),
                Clock.systemUTC(), List.of(), Topics.SHARING_LOG, "outage-test-" + UUID.randomUUID());
        indexer.start();
        return indexer;
    }

    private static void push() {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.release(UUID.randomUUID()
                .toString(), "outage", "yoi-feltham", "yot-redbridge", TestIdentifiers.nhsNumber())).when().post(
                        "/v1/records")
                .then().statusCode(202);
    }

    private Set<String> committedEvents() {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : Inboxes.read(kafka.clientProperties(), Topics.SHARING_LOG)) {
            ids.add(Json.parse(record.value()).get("eventId").asText());
        }
        return ids;
    }

    private static Set<String> indexed(DataSource database) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT event_id FROM sharing_log_entry")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException down) {
            return Set.of();
        }
        return ids;
    }

    private static long count(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM sharing_log_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A migrated in-memory H2 database that refuses connections while it is down. */
    private static final class FlakyDataSource implements DataSource {

        private final JdbcDataSource h2 = LogDatabases.migratedH2();
        volatile boolean down;

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("the database is down", "08001");
            }
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}

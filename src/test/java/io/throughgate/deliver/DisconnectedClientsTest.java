package io.throughgate.deliver;

import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.throughgate.database.HubDatabase;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A client that sends a record and goes away before the answer leaves its work running; that work keeps its room
 * until it ends, so that clients who disconnect cannot push the hub past its limit (three records in flight here).
 */
@QuarkusTest
@TestProfile(ShortDeliveryWaits.class)
class DisconnectedClientsTest {

    private static final String SENDER = "yoi-feltham";

    @Inject
    HubDatabase database;

    @AfterEach
    void releaseTheWriters() {
        DeliveryHooks.reset();
    }

    @Test
    void clientsThatGoAwayMidRequestStillCountUntilTheirWorkEnds() throws Exception {
        CountDownLatch writersHeld = new CountDownLatch(1);
        DeliveryHooks.beforeTransaction = () -> {
            try {
                writersHeld.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<UUID> gone = new ArrayList<>();
        List<SSLSocket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID recordId = UUID.randomUUID();
            clients.add(send(TestRecords.release(recordId.toString(), "gone", SENDER, "yot-hackney", TestIdentifiers
                    .nhsNumber())));
            gone.add(recordId);
        }
        // Their work runs: each has claimed its record id. Then the clients go away before the answer.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> claimed(gone) == gone.size());
        for (SSLSocket client : clients) {
            client.close();
        }
        Thread.sleep(500);

        String another = TestRecords.release(UUID.randomUUID().toString(), "after", SENDER, "yot-hackney",
                TestIdentifiers.nhsNumber());
        TestClients.push(SENDER, another).statusCode(503).body("code", equalTo("hub-busy"));

        writersHeld.countDown();
        // The room comes back when the work ends.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestClients.push(SENDER,
                        another).extract().statusCode() == 202);
    }

    /** Sends a record and leaves the connection open, without reading the answer. */
    private static SSLSocket send(String record) throws Exception {
        byte[] body = record.getBytes(StandardCharsets.UTF_8);
        SSLSocket socket = TestClients.socket(SENDER);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/records HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private int claimed(List<UUID> recordIds) throws Exception {
        int count = 0;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM record_receipt WHERE "
                        + "record_id = ?")) {
            for (UUID recordId : recordIds) {
                select.setObject(1, recordId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    count += row.getInt(1);
                }
            }
        }
        return count;
    }
}

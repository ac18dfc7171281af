package io.throughgate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.testing.Inboxes;

/**
 * One fault scenario: a fresh broker and database, the packaged hub, load from a few threads; then the checks that
 * the hub kept its promises through the fault.
 *
 * <p>What the hub guarantees, and what {@link #verifyExchange()} asserts:
 * <ul>
 * <li>A record answered 202 is in each inbox its receipt names exactly once ({@code read_committed}, counted by
 * {@code ce_id}), and in no other inbox.</li>
 * <li>A record not answered 202 (an error, or no answer because the hub or the connection died) is all or nothing:
 * either in no inbox, or already in exactly the inboxes its receipt names, once each. It cannot be promised to be
 * in none: the hub may have committed its transaction before it died, or a commit whose outcome it could not learn
 * may have completed (then the hub answered 503 and kept the record's claim).</li>
 * <li>Retrying such a record with the same record id ends in a 202 (after 409 "in progress" while a claim the hub
 * could not settle is pending), and then it is in each of its receipt's inboxes exactly once: never twice, whether
 * or not the first attempt had committed.</li>
 * <li>The sharing log holds exactly one entry per receipt delivery (outcome {@code delivered} for an inbox,
 * {@code withheld} when every field was withheld), no other, and it verifies (as the partnership's DPO).</li>
 * </ul>
 */
final class FaultScenario implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_DEADLINE = Duration.ofSeconds(150);
    private static final Set<TransactionState> SETTLED = EnumSet.of(TransactionState.COMPLETE_COMMIT,
            TransactionState.COMPLETE_ABORT, TransactionState.EMPTY);

    final FaultBroker broker;
    final FaultDatabase database;
    final FaultHub hub;
    final RecordLoad load;
    private final String name;
    private final long started = System.nanoTime();

    private FaultScenario(String name, Path folder) throws SQLException {
        this.name = name;
        this.database = FaultDatabase.fresh();
        this.broker = new FaultBroker(folder);
        this.hub = new FaultHub(folder, broker, database);
        this.load = new RecordLoad(hub.port());
    }

    /** Starts a broker and a hub, each in a JVM of its own, with fresh data under {@code target/faults/<name>}. */
    static FaultScenario start(String name) throws Exception {
        Path folder = Path.of("target", "faults", name);
        deleteRecursively(folder);
        FaultScenario scenario = new FaultScenario(name, folder);
        scenario.broker.start();
        scenario.hub.start();
        scenario.log("broker and hub ready");
        return scenario;
    }

    /** Waits until the load has had this many more records accepted. */
    void awaitAccepted(int more, Duration timeout) {
        int target = load.accepted() + more;
        await("the hub accepts " + more + " more records (" + load.accepted() + " so far; hub log " + hub.log()
                + ")", timeout, () -> load.accepted() >= target);
    }

    /** Stops the load, retries every record not answered 202, and asserts the hub's guarantees (see above). */
    void verifyExchange() throws Exception {
        load.stop();
        Map<String, String> records = load.records();
        Map<String, RecordLoad.Outcome> first = load.outcomes();
        Map<Integer, Integer> statuses = new TreeMap<>();
        first.values().forEach(outcome -> statuses.merge(outcome.status(), 1, Integer::sum));
        log(records.size() + " records sent; first answers by HTTP status (0: no answer): " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 202 || status == 503 || status == 0),
                "every answer under the fault is 202 or 503 (Kafka unavailable): " + statuses);

        settleTransactions();
        Map<String, Map<String, Integer>> before = inboxes(records.keySet());

        Map<String, Set<String>> receiptTopics = new HashMap<>();
        Map<String, JsonNode> receipts = new HashMap<>();
        List<String> retried = new ArrayList<>();
        for (Map.Entry<String, String> record : records.entrySet()) {
            RecordLoad.Outcome outcome = first.get(record.getKey());
            if (!outcome.accepted()) {
                retried.add(record.getKey());
                outcome = retryUntilAccepted(record.getValue());
            }
            JsonNode receipt = JSON.readTree(outcome.body());
            receipts.put(record.getKey(), receipt);
            receiptTopics.put(record.getKey(), topics(receipt));
        }
        log(retried.size() + " records retried until accepted");

        List<String> problems = new ArrayList<>();
        int visibleBeforeRetry = 0;
        for (String id : retried) {
            Map<String, Integer> seen = before.getOrDefault(id, Map.of());
            if (seen.isEmpty()) {
                continue;
            }
            visibleBeforeRetry++;
            if (!seen.keySet().equals(receiptTopics.get(id)) || seen.values().stream().anyMatch(n -> n != 1)) {
                problems.add(id + " (no 202) was partly visible before its retry: " + seen + ", receipt names "
                        + receiptTopics.get(id));
            }
        }
        log(visibleBeforeRetry + " records without a 202 were already wholly delivered before their retry");

        settleTransactions();
        Map<String, Map<String, Integer>> after = inboxes(records.keySet());
        for (String id : records.keySet()) {
            Map<String, Integer> expected = new TreeMap<>();
            receiptTopics.get(id).forEach(topic -> expected.put(topic, 1));
            Map<String, Integer> seen = new TreeMap<>(after.getOrDefault(id, Map.of()));
            if (!seen.equals(expected)) {
                problems.add(id + (first.get(id).accepted() ? " (202)" : " (retried)") + " is in the inboxes "
                        + seen + " but its receipt names " + expected);
            }
        }
        after.keySet().stream().filter(id -> !records.containsKey(id)).forEach(id -> problems.add(
                "an inbox holds " + id + ", which no one sent"));
        assertNoProblems("exactly-once delivery", problems);
        log("every record is in each of its receipt's inboxes exactly once");

        verifySharingLog(receipts);
        log("done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    private void verifySharingLog(Map<String, JsonNode> receipts) throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        receipts.forEach((id, receipt) -> receipt.path("deliveries").forEach(delivery -> expected.merge(id + " "
                + delivery.path("recipient").asText() + " " + (delivery.path("topic").isTextual()
                        ? "delivered"
                        : "withheld"),
                1, Integer::sum)));
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        try {
            await("the indexer indexes all " + total + " sharing-log entries", Duration.ofSeconds(90),
                    () -> logEntryCount() >= total);
        } catch (ConditionTimeoutException incomplete) {
            log("the sharing log did not reach " + total + " entries; comparing what it holds");
        }
        Map<String, Integer> indexed = new TreeMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT record_id, recipient, outcome FROM "
                        + "sharing_log_entry")) {
            while (rows.next()) {
                indexed.merge(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3), 1,
                        Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        expected.forEach((entry, n) -> {
            if (!n.equals(indexed.get(entry))) {
                problems.add(entry + ": " + indexed.getOrDefault(entry, 0) + " log entries, expected " + n);
            }
        });
        indexed.keySet().stream().filter(entry -> !expected.containsKey(entry)).forEach(entry -> problems.add(
                entry + ": " + indexed.get(entry) + " log entries for no receipt delivery"));
        assertNoProblems("a complete sharing log", problems);

        HttpResponse<String> verification = HubClient.dpo("partnership-london-resettlement", hub.port()).postJson(
                "/v1/sharing-log/verification", "");
        assertEquals(200, verification.statusCode(), verification::body);
        JsonNode result = JSON.readTree(verification.body());
        assertTrue(result.path("verified").asBoolean(), () -> "the sharing log verifies: " + result);
        assertEquals(total, result.path("entries").asLong(), "entries verified");
        log("the sharing log holds one entry per delivery (" + total + ") and verifies, with " + result.path(
                "checkpoints").asInt() + " checkpoints");
    }

    private RecordLoad.Outcome retryUntilAccepted(String body) throws Exception {
        long deadline = System.nanoTime() + RETRY_DEADLINE.toNanos();
        while (true) {
            RecordLoad.Outcome outcome = load.post(body);
            if (outcome.accepted()) {
                return outcome;
            }
            boolean retryable = outcome.status() == 0 || outcome.status() == 503 || (outcome.status() == 409
                    && outcome.body().contains("record-in-progress"));
            if (!retryable) {
                fail("a retry with the same record id got " + outcome.status() + ": " + outcome.body());
            }
            if (System.nanoTime() > deadline) {
                fail("a retry was not accepted within " + RETRY_DEADLINE.toSeconds() + " s; last answer "
                        + outcome.status() + ": " + outcome.body());
            }
            ChildProcess.pause(Duration.ofSeconds(2));
        }
    }

    /**
     * Waits until no transaction is open or half-finished on the broker: a killed hub's open transaction stays
     * open until its producer's successor fences it or it times out, and holds back {@code read_committed}
     * readers meanwhile.
     */
    private void settleTransactions() {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            await("every Kafka transaction completes", Duration.ofSeconds(90), () -> {
                try {
                    return admin.listTransactions().all().get(10, TimeUnit.SECONDS).stream().map(
                            TransactionListing::state).allMatch(SETTLED::contains);
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    /** For each record id, how many messages with that {@code ce_id} each inbox holds. */
    private Map<String, Map<String, Integer>> inboxes(Set<String> ids) throws Exception {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String topic : Inboxes.inboxTopics(broker.clientProperties())) {
            for (ConsumerRecord<String, byte[]> message : Inboxes.read(broker.clientProperties(), topic)) {
                String id = Inboxes.header(message, "ce_id");
                counts.computeIfAbsent(id, any -> new TreeMap<>()).merge(topic, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Set<String> topics(JsonNode receipt) {
        Set<String> topics = new java.util.TreeSet<>();
        receipt.path("deliveries").forEach(delivery -> {
            if (delivery.path("topic").isTextual()) {
                topics.add(delivery.path("topic").asText());
            }
        });
        return topics;
    }

    private long logEntryCount() {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sharing_log_entry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void assertNoProblems(String guarantee, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(guarantee + " broken for " + problems.size() + " records, e.g.:\n  " + String.join("\n  ", problems
                    .subList(0, Math.min(10, problems.size()))));
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
    }

    void log(String message) {
        System.out.printf("[fault %s +%ds] %s%n", name, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                message);
    }

    @Override
    public void close() throws InterruptedException {
        load.stop();
        hub.close();
        broker.close();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

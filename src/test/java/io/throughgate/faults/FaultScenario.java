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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

import io.throughgate.kafka.Topics;
import io.throughgate.record.NoticeType;
import io.throughgate.testing.Inboxes;

/**
 * One fault scenario: a fresh broker and database, the packaged hub, load of single records and batches; then the
 * checks that the hub kept its promises through the fault.
 *
 * <p>What the hub guarantees, and what {@link #verifyExchange()} asserts:
 * <ul>
 * <li>A record answered 202 is in each inbox its receipt names exactly once ({@code read_committed}, counted by
 * {@code ce_id}), and in no other inbox.</li>
 * <li>A record answered 503 saying that nothing was delivered (Kafka unavailable, or the hub busy) is in no
 * inbox.</li>
 * <li>Any other record not answered 202 (503 "could not confirm", or no answer because the hub or the connection
 * died) is all or nothing: either in no inbox, or already in exactly the inboxes its receipt names, once each. It
 * cannot be promised to be in none: the hub may have committed its transaction before it died, or a commit whose
 * outcome it could not learn may have completed (then the hub answered 503 and kept the record's claim).</li>
 * <li>Retrying such a record with the same record id ends in a 202 (after 409 "in progress" while a claim the hub
 * could not settle is pending), and then it is in each of its receipt's inboxes exactly once: never twice, whether
 * or not the first attempt had committed.</li>
 * <li>The sharing log holds exactly one entry per receipt delivery (outcome {@code delivered} for an inbox,
 * {@code withheld} when every field was withheld), no other, and it verifies (as the partnership's DPO).</li>
 * <li>Every message in an inbox is the one a {@code delivered} entry of the sharing log names (its topic, partition
 * and offset, for the same record), and every such entry names a message in an inbox: nothing reaches a recipient
 * unlogged, and the log claims no delivery that did not happen.</li>
 * </ul>
 */
final class FaultScenario implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_DEADLINE = Duration.ofSeconds(150);
    private static final int RETRY_BATCH = 500;
    /** How long a batch has been with the hub before its records are surely being written. */
    private static final Duration IN_FLIGHT_FOR = Duration.ofMillis(300);
    /** The code of the 503 of a hub that takes no more records until it has answered some. */
    private static final String HUB_BUSY = "hub-busy";
    /** What a 503 says when the hub knows that nothing of the record was delivered. */
    private static final String NOTHING_DELIVERED = "nothing was delivered";
    /** What a 503 says when the hub could not learn whether the record's transaction committed. */
    private static final String NOT_CONFIRMED = "could not confirm the delivery";
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

    /**
     * Kills the broker or the hub while batches are with the hub, so that its writers have records in hand: at some
     * point of their writes, whichever.
     */
    void killWhileWriting(String what, Runnable kill) {
        await("a batch with the hub for " + IN_FLIGHT_FOR.toMillis() + " ms", Duration.ofSeconds(60),
                () -> load.batchesInFlightFor(IN_FLIGHT_FOR) > 0);
        int batches = load.batchesInFlightFor(Duration.ZERO);
        kill.run();
        log("killed " + what + " (SIGKILL) with " + batches + " batches in flight");
    }

    /**
     * Kills the broker or the hub between records' deliveries and their sharing-log events. The hub writes a
     * record's deliveries, then, once they are acknowledged, its sharing-log events; here the broker refuses the
     * writes to the sharing log's topic while it takes those to the inboxes, so that the hub's writers hold records
     * whose deliveries are written and whose events are not, and only their transactions, aborted, keep them from
     * being half delivered. Once the broker has received such deliveries, the kill. The topic refuses writes until
     * {@link #acceptSharingLogWrites()}, which needs the broker up.
     */
    void killBetweenDeliveriesAndSharingLog(String what, Runnable kill) throws Exception {
        try (WriteWatch watch = new WriteWatch(broker.clientProperties())) {
            broker.refuseWrites(Topics.SHARING_LOG);
            long refused = System.nanoTime();
            int[] halfWritten = new int[1];
            await("deliveries of records whose sharing-log events the broker refuses", Duration.ofSeconds(30),
                    () -> {
                        halfWritten[0] = watch.deliveredNotLogged().size();
                        // A while, so that every writer holds such records, not only the first.
                        return halfWritten[0] > 0 && System.nanoTime() - refused > Duration.ofSeconds(1).toNanos();
                    });
            kill.run();
            log("killed " + what + " (SIGKILL) while the broker held the deliveries of " + halfWritten[0]
                    + " records and refused their sharing-log events");
        }
    }

    /** Lets the sharing log's topic take writes again. */
    void acceptSharingLogWrites() {
        broker.acceptWrites(Topics.SHARING_LOG);
        log("the sharing log's topic takes writes again");
    }

    /** Stops the load, retries every record not answered 202, and asserts the hub's guarantees (see above). */
    void verifyExchange() throws Exception {
        load.stop();
        Map<String, String> records = load.records();
        Map<String, RecordLoad.Outcome> first = load.outcomes();
        Map<Integer, Integer> statuses = new TreeMap<>();
        first.values().forEach(outcome -> statuses.merge(outcome.status(), 1, Integer::sum));
        log(records.size() + " records sent; first answers by HTTP status (0: no answer): " + statuses);
        assertEquals(records.keySet(), first.keySet(), "every record sent has its outcome");
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 202 || status == 503 || status == 0),
                "every answer under the fault is 202 or 503 (Kafka unavailable): " + statuses);
        Set<String> nothingDelivered = new TreeSet<>();
        for (Map.Entry<String, RecordLoad.Outcome> outcome : first.entrySet()) {
            if (outcome.getValue().status() == 503 && saysNothingWasDelivered(outcome.getValue())) {
                nothingDelivered.add(outcome.getKey());
            }
        }

        settleTransactions();
        Inbox before = inboxes();

        List<String> retried = records.keySet().stream().filter(id -> !first.get(id).accepted()).sorted().toList();
        Map<String, RecordLoad.Outcome> answers = new HashMap<>(first);
        answers.putAll(retryUntilAccepted(retried, records));
        Map<String, Set<String>> receiptTopics = new HashMap<>();
        Map<String, JsonNode> receipts = new HashMap<>();
        for (String id : records.keySet()) {
            JsonNode receipt = JSON.readTree(answers.get(id).body());
            receipts.put(id, receipt);
            receiptTopics.put(id, topics(receipt));
        }
        log(retried.size() + " records retried until accepted (" + nothingDelivered.size() + " of them answered 503 "
                + "saying that nothing was delivered)");

        List<String> partly = new ArrayList<>();
        int visibleBeforeRetry = 0;
        for (String id : retried) {
            Map<String, Integer> seen = before.counts().getOrDefault(id, Map.of());
            if (seen.isEmpty()) {
                continue;
            }
            visibleBeforeRetry++;
            if (nothingDelivered.contains(id)) {
                partly.add(id + " was answered 503 saying that nothing was delivered, but was in the inboxes " + seen
                        + " before its retry");
            } else if (!seen.keySet().equals(receiptTopics.get(id)) || seen.values().stream().anyMatch(n -> n != 1)) {
                partly.add(id + " (no 202) was partly visible before its retry: " + seen + ", receipt names "
                        + receiptTopics.get(id));
            }
        }
        log(visibleBeforeRetry + " records without a 202 were already in an inbox before their retry");

        settleTransactions();
        Inbox after = inboxes();
        List<String> notOnce = new ArrayList<>();
        for (String id : records.keySet()) {
            Map<String, Integer> expected = new TreeMap<>();
            receiptTopics.get(id).forEach(topic -> expected.put(topic, 1));
            Map<String, Integer> seen = new TreeMap<>(after.counts().getOrDefault(id, Map.of()));
            if (!seen.equals(expected)) {
                notOnce.add(id + (first.get(id).accepted() ? " (202)" : " (retried)") + " is in the inboxes "
                        + seen + " but its receipt names " + expected);
            }
        }
        after.counts().keySet().stream().filter(id -> !records.containsKey(id)).forEach(id -> notOnce.add(
                "an inbox holds " + id + ", which no one sent"));
        Map<String, List<String>> broken = new LinkedHashMap<>();
        broken.put("all or nothing for records without a 202", partly);
        broken.put("exactly-once delivery", notOnce);
        assertNoProblems(broken);
        log("every record is in each of its receipt's inboxes exactly once");

        verifySharingLog(receipts, after);
        log("done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    private void verifySharingLog(Map<String, JsonNode> receipts, Inbox inbox) throws Exception {
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
        Map<String, List<String>> loggedDeliveries = new HashMap<>();
        long notices = 0;
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT record_id, recipient, outcome, entry_json, "
                        + "record_type FROM sharing_log_entry")) {
            while (rows.next()) {
                if (NoticeType.fromCode(rows.getString(5)).isPresent()) {
                    notices++;
                } else {
                    indexed.merge(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3), 1,
                            Integer::sum);
                }
                JsonNode event = JSON.readTree(rows.getString(4)).path("event");
                if (event.path("outcome").asText().equals("delivered")) {
                    loggedDeliveries.computeIfAbsent(position(event.path("topic").asText(), event.path("partition")
                            .asInt(), event.path("offset").asLong()), any -> new ArrayList<>()).add(event.path(
                                    "recordId").asText());
                }
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
        List<String> unlogged = new ArrayList<>();
        inbox.messages().forEach((position, id) -> {
            List<String> logged = loggedDeliveries.getOrDefault(position, List.of());
            if (!logged.equals(List.of(id))) {
                unlogged.add("the inbox message at " + position + " (" + id + ") has " + (logged.isEmpty()
                        ? "no sharing-log entry"
                        : "the sharing-log entries of " + logged));
            }
        });
        loggedDeliveries.forEach((position, ids) -> {
            if (!inbox.messages().containsKey(position)) {
                unlogged.add("the sharing log has a delivery of " + ids + " at " + position + ", where no inbox "
                        + "holds a message");
            }
        });
        Map<String, List<String>> broken = new LinkedHashMap<>();
        broken.put("a complete sharing log", problems);
        broken.put("a sharing-log entry for each message in an inbox", unlogged);
        assertNoProblems(broken);

        HttpResponse<String> verification = HubClient.dpo("partnership-london-resettlement", hub.port()).postJson(
                "/v1/sharing-log/verification", "");
        assertEquals(200, verification.statusCode(), verification::body);
        JsonNode result = JSON.readTree(verification.body());
        assertTrue(result.path("verified").asBoolean(), () -> "the sharing log verifies: " + result);
        assertEquals(total + notices, result.path("entries").asLong(), "entries verified: deliveries and notices");
        log("the sharing log holds one entry per delivery (" + total + ") and verifies, with " + result.path(
                "checkpoints").asInt() + " checkpoints");
    }

    /**
     * Whether a 503 says that nothing of the record was delivered: Kafka was unavailable and the hub knows its
     * transaction did not commit, or the hub was too busy to take it. The only other 503 is the hub's saying that it
     * could not confirm the delivery; anything else fails.
     */
    private static boolean saysNothingWasDelivered(RecordLoad.Outcome outcome) throws IOException {
        JsonNode problem = JSON.readTree(outcome.body());
        String detail = problem.path("detail").asText();
        if (problem.path("code").asText().equals(HUB_BUSY) || detail.contains(NOTHING_DELIVERED)) {
            return true;
        }
        assertTrue(detail.contains(NOT_CONFIRMED), () -> "a 503 says whether anything was delivered: " + outcome
                .body());
        return false;
    }

    /**
     * Sends these records again, in batches, until each is answered 202; in between, they may get 503 (Kafka not
     * yet back), 409 "in progress" (a claim the hub could not settle, until it is taken to be abandoned) or no answer.
     */
    private Map<String, RecordLoad.Outcome> retryUntilAccepted(List<String> ids, Map<String, String> records)
            throws InterruptedException {
        Map<String, RecordLoad.Outcome> accepted = new HashMap<>();
        List<String> pending = ids;
        long deadline = System.nanoTime() + RETRY_DEADLINE.toNanos();
        while (!pending.isEmpty()) {
            List<String> again = new ArrayList<>();
            RecordLoad.Outcome last = null;
            for (int from = 0; from < pending.size(); from += RETRY_BATCH) {
                List<String> batch = pending.subList(from, Math.min(pending.size(), from + RETRY_BATCH));
                List<RecordLoad.Outcome> outcomes = load.postBatch(batch.stream().map(records::get).toList());
                for (int i = 0; i < batch.size(); i++) {
                    RecordLoad.Outcome outcome = outcomes.get(i);
                    if (outcome.accepted()) {
                        accepted.put(batch.get(i), outcome);
                        continue;
                    }
                    boolean retryable = outcome.status() == 0 || outcome.status() == 503 || (outcome.status() == 409
                            && outcome.body().contains("record-in-progress"));
                    if (!retryable) {
                        fail("a retry with the same record id got " + outcome.status() + ": " + outcome.body());
                    }
                    again.add(batch.get(i));
                    last = outcome;
                }
            }
            pending = again;
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    fail(pending.size() + " retries were not accepted within " + RETRY_DEADLINE.toSeconds()
                            + " s; last answer " + last.status() + ": " + last.body());
                }
                ChildProcess.pause(Duration.ofSeconds(2));
            }
        }
        return accepted;
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

    /**
     * What the inboxes hold ({@code read_committed}).
     *
     * @param counts for each record id, how many messages with that {@code ce_id} each inbox holds
     * @param messages the record id ({@code ce_id}) of each message, by {@link #position}
     */
    private record Inbox(Map<String, Map<String, Integer>> counts, Map<String, String> messages) {
    }

    private Inbox inboxes() throws Exception {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, String> messages = new HashMap<>();
        for (String topic : Inboxes.inboxTopics(broker.clientProperties())) {
            for (ConsumerRecord<String, byte[]> message : Inboxes.read(broker.clientProperties(), topic)) {
                String id = Inboxes.header(message, "ce_id");
                // The hub's own timeliness notices (the load's records start children's timelines) are no one's
                // record: they are not counted against the receipts, but each must have its sharing-log entry.
                if (!isHubNotice(Inboxes.header(message, "ce_type"))) {
                    counts.computeIfAbsent(id, any -> new TreeMap<>()).merge(topic, 1, Integer::sum);
                }
                messages.put(position(topic, message.partition(), message.offset()), id);
            }
        }
        return new Inbox(counts, messages);
    }

    /** Whether a message is a notice the hub issued itself (a timeliness notice or digest), not a sender's record. */
    private static boolean isHubNotice(String ceType) {
        return ceType != null && NoticeType.fromCode(ceType.replaceFirst("^io\\.throughgate\\.record\\.", "")
                .replaceFirst("\\.v[0-9]+$", "")).isPresent();
    }

    private static String position(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    private static Set<String> topics(JsonNode receipt) {
        Set<String> topics = new TreeSet<>();
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

    /** Fails naming every guarantee broken, with how often and a few of the findings. */
    private static void assertNoProblems(Map<String, List<String>> problemsByGuarantee) {
        StringBuilder message = new StringBuilder();
        problemsByGuarantee.forEach((guarantee, problems) -> {
            if (!problems.isEmpty()) {
                String examples = String.join("\n  ", problems.subList(0, Math.min(10, problems.size())));
                message.append(message.isEmpty() ? "" : "\n").append("%s broken (%d %s), e.g.:\n  %s".formatted(
                        guarantee, problems.size(), problems.size() == 1 ? "finding" : "findings", examples));
            }
        });
        if (!message.isEmpty()) {
            fail(message.toString());
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
    public void close() throws InterruptedException, SQLException {
        load.stop();
        hub.close();
        broker.close();
        database.drop();
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

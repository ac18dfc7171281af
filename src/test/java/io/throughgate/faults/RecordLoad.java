package io.throughgate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.deliver.TestRecords;
import io.throughgate.testing.TestIdentifiers;

/**
 * Release notifications from HMYOI Feltham to several boroughs, sent until stopped: single records at a steady pace
 * from some threads, and batches of {@link #BATCH_RECORDS} records ({@code POST /v1/records/batch}) back to back
 * from others, so that the hub's writers always have records in hand. Each record's outcome is kept: the answer's
 * status and body (for a batch, the record's line of the answer), or that no answer came.
 */
final class RecordLoad {

    static final String SENDER = "yoi-feltham";
    /** Records per batch request: enough that a batch keeps the hub's writers busy for a while. */
    static final int BATCH_RECORDS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUPERVISING_YOTS = List.of("yot-camden", "yot-enfield", "yot-redbridge",
            "yot-hackney");
    private static final Duration PACE = Duration.ofMillis(40);

    /** What a request got: an HTTP status and body, or {@code status} 0 when no answer came. */
    record Outcome(int status, String body) {

        boolean accepted() {
            return status == 202;
        }

        boolean answered() {
            return status != 0;
        }
    }

    private final HubClient client;
    private final HubClient operations;
    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();
    /** When each batch now with the hub was sent (System.nanoTime), by the thread that sent it. */
    private final Map<Thread, Long> batchesInFlight = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    RecordLoad(int hubPort) {
        this.client = HubClient.agency(SENDER, hubPort);
        this.operations = HubClient.anonymous(hubPort);
    }

    /** Starts sending single records on some threads and batches on others. */
    void start(int singleThreads, int batchThreads) {
        running = true;
        for (int i = 0; i < singleThreads; i++) {
            Thread thread = new Thread(this::sendSingles, "fault-load-" + i);
            thread.start();
            threads.add(thread);
        }
        for (int i = 0; i < batchThreads; i++) {
            Thread thread = new Thread(this::sendBatches, "fault-batch-load-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops sending and waits for every request in flight to get its answer or fail. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    int accepted() {
        return accepted.get();
    }

    /** How many batches have been with the hub, unanswered, for at least this long. */
    int batchesInFlightFor(Duration atLeast) {
        long sentBefore = System.nanoTime() - atLeast.toNanos();
        return (int) batchesInFlight.values().stream().filter(sent -> sent <= sentBefore).count();
    }

    /** Every record sent, by id. */
    Map<String, String> records() {
        return Map.copyOf(records);
    }

    /** Each record's first answer, by id. */
    Map<String, Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** POSTs one record once. */
    Outcome post(String body) throws InterruptedException {
        try {
            HttpResponse<String> response = client.postJson("/v1/records", body);
            return new Outcome(response.statusCode(), response.body());
        } catch (IOException noAnswer) {
            return new Outcome(0, noAnswer.getClass().getSimpleName());
        }
    }

    /**
     * POSTs records as one batch, once: one outcome per record, in order. A record's outcome is its line of the
     * answer (status, and the receipt or the problem as the body); when the batch got no answer, or an answer for
     * the whole batch instead of one per line, every record has that.
     */
    List<Outcome> postBatch(List<String> bodies) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.postNdjson("/v1/records/batch", String.join("\n", bodies) + "\n");
        } catch (IOException noAnswer) {
            return Collections.nCopies(bodies.size(), new Outcome(0, noAnswer.getClass().getSimpleName()));
        }
        if (response.statusCode() != 200) {
            return Collections.nCopies(bodies.size(), new Outcome(response.statusCode(), response.body()));
        }
        Outcome[] lines = new Outcome[bodies.size()];
        try {
            for (String text : response.body().split("\n")) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                int status = line.path("status").asInt();
                JsonNode body = status == 202 ? line.path("receipt") : line.path("problem");
                lines[line.path("line").asInt() - 1] = new Outcome(status, body.toString());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the batch answer is not one JSON line per record: " + response.body(),
                    e);
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == null) {
                throw new IllegalStateException("the batch answer has no line " + (i + 1) + ": " + response.body());
            }
        }
        return List.of(lines);
    }

    private void sendSingles() {
        while (running) {
            String id = UUID.randomUUID().toString();
            String body = newRecord(id);
            try {
                Outcome outcome = post(body);
                outcomes.put(id, outcome);
                if (outcome.accepted()) {
                    accepted.incrementAndGet();
                }
                // Slower while the hub cannot take records, so an outage does not make thousands of them.
                Thread.sleep(outcome.accepted() ? PACE.toMillis() : outcome.answered() ? 250 : 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendBatches() {
        while (running) {
            List<String> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < BATCH_RECORDS; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                bodies.add(newRecord(id));
            }
            try {
                batchesInFlight.put(Thread.currentThread(), System.nanoTime());
                List<Outcome> answers;
                try {
                    answers = postBatch(bodies);
                } finally {
                    batchesInFlight.remove(Thread.currentThread());
                }
                int acceptedNow = 0;
                for (int i = 0; i < ids.size(); i++) {
                    outcomes.put(ids.get(i), answers.get(i));
                    acceptedNow += answers.get(i).accepted() ? 1 : 0;
                }
                accepted.addAndGet(acceptedNow);
                // Back to back while the hub takes records; slower while it cannot, and not at all while it is
                // down, so that an outage does not make thousands of records that never reached it.
                if (acceptedNow < ids.size()) {
                    Thread.sleep(answers.get(0).answered() ? 250 : 1_000);
                }
                while (running && !answers.get(0).answered() && !operations.answers200("/q/health/live")) {
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A new record on one line (as a batch needs it), kept as sent. */
    private String newRecord(String id) {
        String text = TestRecords.release(id, "fault", SENDER, SUPERVISING_YOTS.get(Math.floorMod(made
                .getAndIncrement(), SUPERVISING_YOTS.size())), TestIdentifiers.nhsNumber());
        try {
            String line = JSON.readTree(text).toString();
            records.put(id, line);
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

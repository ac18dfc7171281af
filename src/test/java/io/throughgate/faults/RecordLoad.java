package io.throughgate.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.throughgate.deliver.TestRecords;
import io.throughgate.testing.TestIdentifiers;

/**
 * Release notifications from HMYOI Feltham to several boroughs, sent by a few threads at a steady pace until
 * stopped, each record's outcome kept: the answer's status and body, or that no answer came.
 */
final class RecordLoad {

    static final String SENDER = "yoi-feltham";
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
    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    RecordLoad(int hubPort) {
        this.client = HubClient.agency(SENDER, hubPort);
    }

    /** Starts sending on this many threads. */
    void start(int threadCount) {
        running = true;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::send, "fault-load-" + i);
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

    private void send() {
        int n = 0;
        while (running) {
            String id = UUID.randomUUID().toString();
            String body = TestRecords.release(id, "fault", SENDER, SUPERVISING_YOTS.get(n++ % SUPERVISING_YOTS
                    .size()), TestIdentifiers.nhsNumber());
            records.put(id, body);
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
}

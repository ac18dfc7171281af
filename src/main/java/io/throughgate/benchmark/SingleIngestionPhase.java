package io.throughgate.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hub single-record ingestion: {@code POST /v1/records}, one record per request, a fixed number of requests in
 * flight (a closed loop: each answer starts the next request). Counts 202 answers.
 */
final class SingleIngestionPhase {

    private SingleIngestionPhase() {
    }

    static Throughput run(HubClient client, SampleRecords records, BenchmarkSettings settings, int concurrency,
            ProcessHandle hub, Progress progress) throws InterruptedException {
        return run("hub single, concurrency " + concurrency, List.of(client), records, settings, concurrency, List.of(
                hub), progress, accepted -> {
                });
    }

    /**
     * Runs the phase against one or more replicas of the hub, spreading the requests in flight evenly over them.
     *
     * @param clients one client per replica
     * @param replicas the replicas' processes, whose processor time is summed
     * @param accepted told the id of every record answered 202, warm-up included
     */
    static Throughput run(String name, List<HubClient> clients, SampleRecords records, BenchmarkSettings settings,
            int concurrency, List<ProcessHandle> replicas, Progress progress, Consumer<String> accepted)
            throws InterruptedException {
        Window window = new Window(settings.warmUp(), settings.measure(), replicas);
        Progress.Phase phase = progress.phase(name, window::seen);
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            next(clients.get(i % clients.size()), records, window, finished, accepted);
        }
        if (!finished.await(settings.warmUp().plus(settings.measure()).toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hub did not answer the last requests within two minutes");
        }
        Throughput result = window.result("hub-single", concurrency);
        phase.done(String.format(Locale.ROOT, "%,.0f records/s, p99 %.1f ms, %d errors%s", result.perSecond(),
                result.latency().p99(), result.errors(), window.firstError() == null
                        ? ""
                        : " (first: "
                                + window.firstError() + ")"));
        return result;
    }

    static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static void next(HubClient client, SampleRecords records, Window window, CountDownLatch finished,
            Consumer<String> onAccepted) {
        if (!window.open()) {
            finished.countDown();
            return;
        }
        long started = System.nanoTime();
        SampleRecords.Sample sample = records.next();
        client.post("/v1/records", "application/json", sample.json()).whenComplete((answer, failure) -> {
            boolean accepted = failure == null && answer.status() == 202;
            if (accepted) {
                onAccepted.accept(sample.recordId());
            } else {
                window.error(failure != null ? failure.toString() : answer.status() + " " + shorten(answer.body()));
            }
            window.completed(started, accepted ? 1 : 0, accepted ? 0 : 1);
            next(client, records, window, finished, onAccepted);
        });
    }
}

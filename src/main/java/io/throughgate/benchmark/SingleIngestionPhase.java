package io.throughgate.benchmark;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hub single-record ingestion: {@code POST /v1/records}, one record per request, a fixed number of requests in
 * flight (a closed loop: each answer starts the next request). Counts 202 answers.
 */
final class SingleIngestionPhase {

    private SingleIngestionPhase() {
    }

    static Throughput run(HubClient client, SampleRecords records, BenchmarkSettings settings, int concurrency,
            ProcessHandle hub, Progress progress) throws InterruptedException {
        Window window = new Window(settings.warmUp(), settings.measure(), hub);
        Progress.Phase phase = progress.phase("hub single, concurrency " + concurrency, window::seen);
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            next(client, records, window, finished);
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

    private static void next(HubClient client, SampleRecords records, Window window, CountDownLatch finished) {
        if (!window.open()) {
            finished.countDown();
            return;
        }
        long started = System.nanoTime();
        client.post("/v1/records", "application/json", records.next().json()).whenComplete((answer, failure) -> {
            boolean accepted = failure == null && answer.status() == 202;
            if (!accepted) {
                window.error(failure != null ? failure.toString() : answer.status() + " " + shorten(answer.body()));
            }
            window.completed(started, accepted ? 1 : 0, accepted ? 0 : 1);
            next(client, records, window, finished);
        });
    }
}

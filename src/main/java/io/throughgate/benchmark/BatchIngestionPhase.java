package io.throughgate.benchmark;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hub batch ingestion: {@code POST /v1/records/batch} with newline-delimited records, a few batches in flight.
 * Counts the lines answered 202.
 */
final class BatchIngestionPhase {

    private static final Pattern ACCEPTED_LINE = Pattern.compile("^\\{\"line\":\\d+,\"status\":202",
            Pattern.MULTILINE);

    private BatchIngestionPhase() {
    }

    static Throughput run(HubClient client, SampleRecords records, BenchmarkSettings settings, ProcessHandle hub,
            Progress progress) throws InterruptedException {
        Window window = new Window(settings.warmUp(), settings.measure(), hub);
        Progress.Phase phase = progress.phase("hub batch of " + settings.batchSize() + ", concurrency "
                + settings.batchConcurrency(), window::seen);
        CountDownLatch finished = new CountDownLatch(settings.batchConcurrency());
        for (int i = 0; i < settings.batchConcurrency(); i++) {
            next(client, records, settings.batchSize(), window, finished);
        }
        if (!finished.await(settings.warmUp().plus(settings.measure()).toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hub did not answer the last batches within two minutes");
        }
        Throughput result = window.result("hub-batch", settings.batchConcurrency());
        phase.done(String.format(Locale.ROOT, "%,.0f records/s, %d errors%s", result.perSecond(), result.errors(),
                window.firstError() == null ? "" : " (first: " + window.firstError() + ")"));
        return result;
    }

    /** How many lines of a batch answer say 202. */
    static int acceptedLines(String answer) {
        Matcher matcher = ACCEPTED_LINE.matcher(answer);
        int accepted = 0;
        while (matcher.find()) {
            accepted++;
        }
        return accepted;
    }

    private static void next(HubClient client, SampleRecords records, int size, Window window,
            CountDownLatch finished) {
        if (!window.open()) {
            finished.countDown();
            return;
        }
        StringBuilder batch = new StringBuilder(size * 1200);
        for (int i = 0; i < size; i++) {
            batch.append(records.next().json()).append('\n');
        }
        long started = System.nanoTime();
        client.post("/v1/records/batch", "application/x-ndjson", batch.toString(), "application/x-ndjson")
                .whenComplete((answer,
                        failure) -> {
                    int accepted = failure == null && answer.status() == 200 ? acceptedLines(answer.body()) : 0;
                    if (accepted < size) {
                        window.error(failure != null
                                ? failure.toString()
                                : answer.status() + " " + SingleIngestionPhase
                                        .shorten(answer.body()));
                    }
                    window.completed(started, accepted, size - accepted);
                    next(client, records, size, window, finished);
                });
    }
}

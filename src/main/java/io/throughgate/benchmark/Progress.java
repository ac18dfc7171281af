package io.throughgate.benchmark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One line per phase with a running count: rewritten in place every second on a terminal, a new line every five
 * seconds otherwise (a log file).
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final boolean terminal;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "benchmark-progress");
        thread.setDaemon(true);
        return thread;
    });

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Starts a phase's line; the count is what the phase has done so far (records, samples). */
    Phase phase(String name, LongSupplier count) {
        long started = System.nanoTime();
        Runnable show = () -> line(name, count.getAsLong(), started, false);
        ScheduledFuture<?> task = terminal
                ? ticker.scheduleAtFixedRate(show, 1, 1, TimeUnit.SECONDS)
                : ticker.scheduleAtFixedRate(show, 5, 5, TimeUnit.SECONDS);
        return summary -> {
            task.cancel(false);
            line(name, count.getAsLong(), started, true);
            out.println(terminal ? "  " + summary : "  " + name + ": " + summary);
        };
    }

    private synchronized void line(String name, long count, long started, boolean last) {
        double seconds = (System.nanoTime() - started) / 1e9;
        String text = String.format(Locale.ROOT, "%-34s %,10d in %5.1f s", name, count, seconds);
        if (terminal) {
            out.print("\r" + text);
            out.flush();
        } else if (!last) {
            out.println(text);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** A running phase. */
    interface Phase {

        /** Ends the phase's line with its result. */
        void done(String summary);
    }
}

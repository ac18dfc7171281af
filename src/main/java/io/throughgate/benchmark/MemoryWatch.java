package io.throughgate.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Samples a process's resident memory four times a second and keeps the largest figures. */
final class MemoryWatch implements AutoCloseable {

    private final AtomicReference<Memory> largest = new AtomicReference<>(Memory.UNKNOWN);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "benchmark-memory");
        thread.setDaemon(true);
        return thread;
    });

    MemoryWatch(long pid) {
        sampler.scheduleAtFixedRate(() -> largest.accumulateAndGet(Memory.of(pid), Memory::max), 0, 250,
                TimeUnit.MILLISECONDS);
    }

    /** The largest VmRSS and VmHWM seen so far. */
    Memory largest() {
        return largest.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

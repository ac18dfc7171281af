package io.throughgate.ingest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Back-pressure for record pushes: at most {@code throughgate.ingest.max-in-flight} records and
 * {@code throughgate.ingest.max-bytes-in-flight} of request bodies are being worked on at once. A push that would go
 * over either is answered at once with 503 and {@code Retry-After}, before any work is queued, so that an
 * overloaded hub keeps its answers quick and its memory bounded instead of queueing without end and answering
 * everyone late. A batch counts as its number of records and its size, each no more than the limit, so that one
 * batch is always let in on an idle hub. The room is given back when the work ends, not when the client goes: a
 * client that disconnects leaves its work running, and that work still counts.
 */
@ApplicationScoped
public class IngestAdmission {

    private static final int KIB = 1024;

    private final int maxInFlight;
    private final int maxKibInFlight;
    private final Semaphore records;
    private final Semaphore kibibytes;

    @jakarta.inject.Inject
    public IngestAdmission(IngestConfig config) {
        this(config.maxInFlight(), config.maxBytesInFlight());
    }

    IngestAdmission(int maxInFlight, MemorySize maxBytes) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("throughgate.ingest.max-in-flight must be 1 or more, was "
                    + maxInFlight);
        }
        if (maxBytes.asLongValue() < KIB || maxBytes.asLongValue() > (long) Integer.MAX_VALUE * KIB) {
            throw new IllegalArgumentException("throughgate.ingest.max-bytes-in-flight must be from 1K to 2047G, was "
                    + maxBytes.asLongValue() + " bytes");
        }
        this.maxInFlight = maxInFlight;
        this.maxKibInFlight = (int) (maxBytes.asLongValue() / KIB);
        this.records = new Semaphore(maxInFlight);
        this.kibibytes = new Semaphore(maxKibInFlight);
    }

    /**
     * Lets a push in if there is room for its records and its body.
     *
     * @param recordCount how many records the push holds (1 for a single record)
     * @param bodyBytes the size of its body
     * @return the admission, whose work must be run by {@link Admitted#run} (or given up by
     *         {@link Admitted#abandon}); null when the hub is full
     */
    public Admitted tryAdmit(int recordCount, long bodyBytes) {
        int wantedRecords = Math.max(1, Math.min(recordCount, maxInFlight));
        int wantedKib = (int) Math.max(1, Math.min((bodyBytes + KIB - 1) / KIB, maxKibInFlight));
        if (!records.tryAcquire(wantedRecords)) {
            return null;
        }
        if (!kibibytes.tryAcquire(wantedKib)) {
            records.release(wantedRecords);
            return null;
        }
        return new Admitted(wantedRecords, wantedKib);
    }

    /** The limit on records. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The limit on request bodies' bytes. */
    public long maxBytesInFlight() {
        return (long) maxKibInFlight * KIB;
    }

    /** A push let in. Its room is given back once: when its work ends, or when it is given up before it began. */
    public final class Admitted implements AutoCloseable {

        private enum State {
            WAITING,
            WORKING,
            DONE
        }

        private final int heldRecords;
        private final int heldKib;
        private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);

        private Admitted(int heldRecords, int heldKib) {
            this.heldRecords = heldRecords;
            this.heldKib = heldKib;
        }

        /**
         * Runs the push's work, then gives its room back.
         *
         * @return the work's result, or null when the push was given up before its work began
         */
        public <T> T run(Supplier<T> work) {
            if (!state.compareAndSet(State.WAITING, State.WORKING)) {
                return null;
            }
            try {
                return work.get();
            } finally {
                close();
            }
        }

        /** Gives the room back if the work has not begun (the client went first); work already running keeps it. */
        public void abandon() {
            if (state.compareAndSet(State.WAITING, State.DONE)) {
                release();
            }
        }

        @Override
        public void close() {
            if (state.getAndSet(State.DONE) != State.DONE) {
                release();
            }
        }

        private void release() {
            kibibytes.release(heldKib);
            records.release(heldRecords);
        }
    }
}

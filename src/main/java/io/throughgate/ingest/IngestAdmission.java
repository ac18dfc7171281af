package io.throughgate.ingest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Back-pressure for record pushes: at most {@code throughgate.ingest.max-in-flight} records are being worked on at
 * once. A push that would go over it is answered at once with 503 and {@code Retry-After}, before any work is
 * queued, so that an overloaded hub keeps its answers quick and its memory bounded instead of queueing without end
 * and answering everyone late. A batch counts as its number of records, but no more than the limit, so that one
 * batch is always let in on an idle hub.
 */
@ApplicationScoped
public class IngestAdmission {

    private final int maxInFlight;
    private final Semaphore permits;

    public IngestAdmission(
            @ConfigProperty(name = "throughgate.ingest.max-in-flight", defaultValue = "4096") int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("throughgate.ingest.max-in-flight must be 1 or more, was "
                    + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    /**
     * Lets records in if there is room for them.
     *
     * @param records how many records the push holds (1 for a single record)
     * @return the admission, to be closed when the push is answered; null when the hub is full
     */
    public Admitted tryAdmit(int records) {
        int wanted = Math.max(1, Math.min(records, maxInFlight));
        return permits.tryAcquire(wanted) ? new Admitted(wanted) : null;
    }

    /** The limit. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** Records let in; closing gives their room back, once. */
    public final class Admitted implements AutoCloseable {

        private final int held;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Admitted(int held) {
            this.held = held;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                permits.release(held);
            }
        }
    }
}

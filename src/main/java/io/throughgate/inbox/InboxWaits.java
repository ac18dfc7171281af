package io.throughgate.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounds the long polls of the HTTPS inbox: a waiting read holds a worker thread, and the same threads serve records
 * pushed by every agency. At most {@link #PER_AGENCY} reads of one agency and {@link #IN_ALL} in all wait at once; a
 * read beyond that is answered at once, with what there is, and the client simply asks again.
 */
@ApplicationScoped
public class InboxWaits {

    static final int PER_AGENCY = 2;
    static final int IN_ALL = 32;

    /** A permission to wait, to be closed once the read is answered. */
    public interface Permit extends AutoCloseable {

        /** Whether the read may wait. */
        boolean granted();

        @Override
        void close();
    }

    private final Semaphore all = new Semaphore(IN_ALL);
    private final Map<String, Semaphore> byAgency = new ConcurrentHashMap<>();

    /** A permission for one of the agency's reads to wait, if one is free. */
    public Permit tryWait(String agency) {
        Semaphore agencyWaits = byAgency.computeIfAbsent(agency, code -> new Semaphore(PER_AGENCY));
        if (!agencyWaits.tryAcquire()) {
            return refused();
        }
        if (!all.tryAcquire()) {
            agencyWaits.release();
            return refused();
        }
        return new Permit() {

            private boolean closed;

            @Override
            public boolean granted() {
                return true;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    all.release();
                    agencyWaits.release();
                }
            }
        };
    }

    private static Permit refused() {
        return new Permit() {

            @Override
            public boolean granted() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}

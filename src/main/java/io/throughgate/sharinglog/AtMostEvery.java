package io.throughgate.sharinglog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a task after an indexing round at most once per interval (rounds come every few hundred milliseconds). A run
 * that fails is tried again the next round. A clock set back (a time server's step, or a development hub restarted
 * without its offset) does not hold the task back until the old time comes round again: it runs at once.
 */
final class AtMostEvery implements SharingLogIndexer.AfterRound {

    private final Duration interval;
    private final Clock clock;
    private final SharingLogIndexer.AfterRound task;
    private Instant next = Instant.MIN;

    AtMostEvery(Duration interval, Clock clock, SharingLogIndexer.AfterRound task) {
        this.interval = interval;
        this.clock = clock;
        this.task = task;
    }

    @Override
    public void run() throws Exception {
        Instant now = clock.instant();
        if (now.isBefore(next) && !now.isBefore(next.minus(interval))) {
            return;
        }
        task.run();
        next = now.plus(interval);
    }
}

package io.throughgate.sharinglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.throughgate.config.HubClock;

/** Work the indexer does every so often goes on when the clock is set back, rather than waiting for the old time. */
class ClockSetBackTest {

    @Test
    void aTaskRunsAtOnceWhenTheClockGoesBackPastItsLastRun() throws Exception {
        HubClock clock = new HubClock(ZoneId.of("Europe/London"), Duration.ofDays(3));
        AtomicInteger runs = new AtomicInteger();
        AtMostEvery task = new AtMostEvery(Duration.ofHours(1), clock, runs::incrementAndGet);
        task.run();
        task.run();
        assertEquals(1, runs.get(), "at most once an hour");
        clock.moveBy(Duration.ofMinutes(59));
        task.run();
        assertEquals(1, runs.get());
        clock.moveBy(Duration.ofDays(-3));
        task.run();
        assertEquals(2, runs.get(), "three days back: not held back for three days");
    }

    @Test
    void aCheckpointIsDueWhenTheLatestIsInTheFuture() {
        Instant now = Instant.parse("2026-12-04T09:00:00Z");
        Duration interval = Duration.ofSeconds(10);
        assertTrue(SharingLogCheckpoints.due(Optional.empty(), now, interval));
        assertFalse(SharingLogCheckpoints.due(Optional.of(now.minusSeconds(5)), now, interval));
        assertTrue(SharingLogCheckpoints.due(Optional.of(now.minusSeconds(10)), now, interval));
        assertTrue(SharingLogCheckpoints.due(Optional.of(now.plus(Duration.ofDays(3))), now, interval),
                "signed while the clock ran three days ahead");
    }
}

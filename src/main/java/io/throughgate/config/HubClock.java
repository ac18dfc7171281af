package io.throughgate.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The hub's clock: the system clock in London, moved by an offset. The offset is zero in production, where the hub
 * refuses to start with another ({@code throughgate.clock.offset}). In development it lets a person watch what the
 * hub does days from now (a resettlement milestone falling due) without waiting; tests move it with
 * {@link #moveBy} and put it back with {@link #reset}.
 */
public final class HubClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset;
    private final Duration configured;

    /**
     * @param zone the zone of its dates
     * @param offset how far ahead of the system clock it runs (negative: behind)
     */
    public HubClock(ZoneId zone, Duration offset) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.configured = Objects.requireNonNull(offset, "offset");
        this.offset = offset;
    }

    /** How far ahead of the system clock it runs now. */
    public Duration offset() {
        return offset;
    }

    /** Moves the clock on (or back, with a negative amount): every bean that reads it sees the new time at once. */
    public void moveBy(Duration amount) {
        offset = offset.plus(amount);
    }

    /** Puts the clock back to the offset it started with. */
    public void reset() {
        offset = configured;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(Clock.system(other), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}

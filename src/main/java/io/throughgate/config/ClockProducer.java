package io.throughgate.config;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hub's clock ({@link HubClock}), injected as a {@link java.time.Clock} or as itself. Validity dates in the directory and agreements are London dates. Outside
 * production, {@code throughgate.clock.offset} (an ISO-8601 duration such as {@code P20D}) starts it ahead of the
 * system clock; in production the hub refuses to start with any offset.
 */
@Singleton
public class ClockProducer {

    /** The zone of every date in the contracts. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    ClockConfig config;

    @ConfigProperty(name = "quarkus.profile")
    String profile;

    @Produces
    @Singleton
    HubClock hubClock() {
        Duration offset = config.offset();
        if (!offset.isZero() && "prod".equals(profile)) {
            throw new IllegalStateException("throughgate.clock.offset is " + offset + ": a production hub keeps "
                    + "the system's time; remove the setting");
        }
        return new HubClock(LONDON, offset);
    }
}

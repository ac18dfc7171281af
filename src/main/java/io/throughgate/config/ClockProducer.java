package io.throughgate.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The hub's clock. Validity dates in the directory and agreements are London dates. */
@Singleton
public class ClockProducer {

    /** The zone of every date in the contracts. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(LONDON);
    }
}

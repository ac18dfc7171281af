package io.throughgate.watch;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the hub watches children's resettlement timelines (contracts/timeliness.yaml). */
@ConfigMapping(prefix = "throughgate.timeliness")
public interface TimelinessConfig {

    /** How long a child's timeline is kept after their release day. */
    @WithDefault("P90D")
    Period keepAfterRelease();

    /** How often the hub works out which timeliness notices are due and sends them. */
    @WithDefault("PT1M")
    Duration noticesEvery();

    /** From what time of day (London) the day's digest is sent. */
    @WithDefault("07:00")
    LocalTime digestAt();
}

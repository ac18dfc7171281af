package io.throughgate.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hub's clock. */
@ConfigMapping(prefix = "throughgate.clock")
public interface ClockConfig {

    /**
     * How far ahead of the system clock the hub's clock runs (ISO-8601, e.g. {@code P20D}), to watch what the hub
     * does days from now; refused in production.
     */
    @WithDefault("PT0S")
    Duration offset();
}

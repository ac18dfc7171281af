package io.throughgate.evaluation.publish;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the hub publishes the evaluation's monthly tables. */
@ConfigMapping(prefix = "throughgate.evaluation")
public interface EvaluationConfig {

    /**
     * How long after a month ends its tables are made: late records of the month have arrived by then, and a
     * milestone due in the month and not met by then counts as missed.
     */
    @WithDefault("P5D")
    Period publishAfter();
}

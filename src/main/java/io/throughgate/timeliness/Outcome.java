package io.throughgate.timeliness;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the timeliness statistics count of a released child: the release, and each milestone as met on time, met
 * late, missed, or still open (not yet due, or its anchor never known). Every released child adds one release and
 * exactly one outcome per milestone, so a row's outcomes sum to the number of milestones times its releases.
 */
public enum Outcome {

    /** A child released. */
    RELEASES("releases"),
    /** A milestone met on or before its due day. */
    MET_ON_TIME("met-on-time"),
    /** A milestone met after its due day. */
    MET_LATE("met-late"),
    /** A milestone past its due day and not met. */
    MISSED("missed"),
    /** A milestone not met and not yet due, or whose anchor date never came. */
    OPEN("open");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    /** The outcome's code, as stored and published. */
    public String code() {
        return code;
    }

    /** The outcome with this code. */
    public static Optional<Outcome> fromCode(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst();
    }

    /** What one released child counts for, as its milestones stand on a day. */
    public static Map<Outcome, Integer> of(Timeline timeline, TimelinessContract contract, LocalDate today) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.put(RELEASES, 1);
        for (MilestoneStatus status : timeline.statuses(contract, today)) {
            Outcome outcome = switch (status.state()) {
                case MET_ON_TIME -> MET_ON_TIME;
                case MET_LATE -> MET_LATE;
                case MISSED -> MISSED;
                case NOT_STARTED, OPEN, AT_RISK -> OPEN;
            };
            counts.merge(outcome, 1, Integer::sum);
        }
        return counts;
    }
}

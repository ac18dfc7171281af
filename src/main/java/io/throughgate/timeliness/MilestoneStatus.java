package io.throughgate.timeliness;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where one milestone of one child stands on a day.
 *
 * @param milestone the milestone
 * @param state its state
 * @param due its due day, or null while its anchor is unknown
 * @param metOn the day it was met, or null
 */
public record MilestoneStatus(Milestone milestone, State state, LocalDate due, LocalDate metOn) {

    /** The states of a milestone. */
    public enum State {
        /** Its anchor (admission or release day) is not known yet. */
        NOT_STARTED,
        /** Due, and not yet at risk. */
        OPEN,
        /** Within its at-risk days of being due, and not met. */
        AT_RISK,
        /** Past its due day and not met. */
        MISSED,
        /** Met on or before its due day. */
        MET_ON_TIME,
        /** Met after its due day. */
        MET_LATE
    }

    /** Where a milestone stands on a day, given the child's timeline. */
    public static MilestoneStatus of(Milestone milestone, Timeline timeline, WorkingDays calendar, LocalDate today) {
        LocalDate metOn = timeline.met().get(milestone.id());
        Optional<LocalDate> anchor = timeline.anchor(milestone.due().anchor());
        if (anchor.isEmpty()) {
            return new MilestoneStatus(milestone, State.NOT_STARTED, null, metOn);
        }
        LocalDate due = milestone.due().on(anchor.get(), calendar);
        State state;
        if (metOn != null) {
            state = metOn.isAfter(due) ? State.MET_LATE : State.MET_ON_TIME;
        } else if (today.isAfter(due)) {
            state = State.MISSED;
        } else if (!today.isBefore(due.minusDays(milestone.atRiskDaysBefore()))) {
            state = State.AT_RISK;
        } else {
            state = State.OPEN;
        }
        return new MilestoneStatus(milestone, state, due, metOn);
    }
}

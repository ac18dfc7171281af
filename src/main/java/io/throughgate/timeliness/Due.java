package io.throughgate.timeliness;

import java.time.LocalDate;

/**
 * When a milestone is due: a number of days before release, or a number of days or working days after admission.
 *
 * @param anchor what it counts from
 * @param days how many days
 * @param workingDays whether only working days count (after admission only)
 */
public record Due(Anchor anchor, int days, boolean workingDays) {

    /** The due day, given the anchor's day. */
    public LocalDate on(LocalDate anchorDay, WorkingDays calendar) {
        if (anchor == Anchor.RELEASE) {
            return anchorDay.minusDays(days);
        }
        return workingDays ? calendar.plus(anchorDay, days) : anchorDay.plusDays(days);
    }
}

package io.throughgate.timeliness;

import java.util.List;

/**
 * One deadline of a child's resettlement.
 *
 * @param id its id
 * @param title what it is, in words
 * @param due when it is due
 * @param metBy the records that meet it
 * @param atRiskDaysBefore how many days before its due day it is at risk
 * @param tell who is sent a notice when it is at risk or missed
 * @param remindEveryDays how often the notice is repeated while it stays at risk or missed
 */
public record Milestone(String id, String title, Due due, List<Evidence> metBy, int atRiskDaysBefore,
        List<Party> tell, int remindEveryDays) {

    public Milestone {
        metBy = List.copyOf(metBy);
        tell = List.copyOf(tell);
    }

    /** What would meet it, in words: each record that meets it, joined by "or". */
    public String missing() {
        return String.join(" or ", metBy.stream().map(Evidence::describe).toList());
    }
}

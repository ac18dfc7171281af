package io.throughgate.timeliness.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.SmallNumbers;
import io.throughgate.timeliness.Outcome;
import io.throughgate.timeliness.TimelinessTable;

/**
 * The timeliness statistics as published: per month, per borough, with suppressed counts as null and named.
 *
 * @param generatedAt when they were worked out
 * @param milestones the milestones each released child counts for, from contracts/timeliness.yaml
 * @param rules the disclosure rules applied
 * @param months one table per month, oldest first
 */
@Schema(description = "Timeliness of resettlement, per borough and month of release, with small numbers protected.")
public record TimelinessView(Instant generatedAt, List<String> milestones, Rules rules, List<Month> months) {

    /**
     * The small-number rules.
     *
     * @param suppressedFrom the smallest count suppressed
     * @param suppressedTo the largest count suppressed
     * @param roundedTo every other count is rounded to the nearest multiple of this
     * @param secondarySuppression whether further counts are suppressed until no suppressed count can be narrowed,
     *        from what is shown, to a range less than {@code suppressedTo + 1} wide
     */
    public record Rules(int suppressedFrom, int suppressedTo, int roundedTo, boolean secondarySuppression) {

        static Rules of(DisclosureRule rule) {
            return new Rules(1, rule.suppressTo(), rule.roundTo(), true);
        }
    }

    /**
     * One month's table.
     *
     * @param month the month of release, e.g. 2026-11
     * @param rows one row per London borough's YOT, then the London total ({@code london})
     */
    public record Month(String month, List<Row> rows) {
    }

    /**
     * One borough's counts: rounded to 5, or null where suppressed.
     *
     * @param borough the borough's YOT, or {@code london} for the total
     * @param releases children released in the month
     * @param metOnTime their milestones met on or before the due day
     * @param metLate their milestones met after it
     * @param missed their milestones past due and not met
     * @param open their milestones not met and not yet due, or whose date never came
     * @param suppressed the counts withheld, by name
     */
    public record Row(String borough, Integer releases, Integer metOnTime, Integer metLate, Integer missed,
            Integer open, List<String> suppressed) {
    }

    static TimelinessView of(Instant generatedAt, List<String> milestones, DisclosureRule rule,
            List<TimelinessTable> tables) {
        return new TimelinessView(generatedAt, milestones, Rules.of(rule), tables.stream().map(table -> new Month(table
                .month().toString(), table.rows().stream().map(TimelinessView::row).toList())).toList());
    }

    private static Row row(TimelinessTable.Row row) {
        Map<Outcome, SmallNumbers.Cell> cells = row.cells();
        List<String> suppressed = new ArrayList<>();
        cells.forEach((outcome, cell) -> {
            if (cell.suppressed()) {
                suppressed.add(name(outcome));
            }
        });
        return new Row(row.borough(), cells.get(Outcome.RELEASES).value(), cells.get(Outcome.MET_ON_TIME).value(),
                cells.get(Outcome.MET_LATE).value(), cells.get(Outcome.MISSED).value(), cells.get(Outcome.OPEN)
                        .value(),
                suppressed);
    }

    /** The outcome's name as a field of a row. */
    static String name(Outcome outcome) {
        return switch (outcome) {
            case RELEASES -> "releases";
            case MET_ON_TIME -> "metOnTime";
            case MET_LATE -> "metLate";
            case MISSED -> "missed";
            case OPEN -> "open";
        };
    }
}

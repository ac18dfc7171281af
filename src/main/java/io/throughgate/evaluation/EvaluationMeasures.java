package io.throughgate.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.throughgate.disclosure.PublishedTable;
import io.throughgate.timeliness.Milestone;
import io.throughgate.timeliness.TimelinessContract;

/** The measures (columns) of each of the evaluation's tables, in the order they are published. */
public final class EvaluationMeasures {

    /** The record types the custody table counts, by measure. */
    public static final Map<String, String> CUSTODY_RECORD_TYPES = Map.of("admissions", "custody-admission",
            "releases", "release-notification", "planning-meetings", "planning-meeting",
            "transitions-to-adult-services", "transition-to-adult-services");
    /** The custody table's measures. */
    public static final List<String> CUSTODY = List.of("admissions", "releases", "planning-meetings",
            "transitions-to-adult-services");
    /** The consent table's measures: decisions to consent to evaluation, to refuse, and withdrawals. */
    public static final List<String> CONSENT = List.of("given", "refused", "withdrawn");
    /** What each milestone due in the month came to, by the day the tables were made. */
    public static final List<String> MILESTONE_OUTCOMES = List.of("met-on-time", "met-late", "missed");

    private EvaluationMeasures() {
    }

    /** The measures of a table. */
    public static List<String> of(PublishedTable table, TimelinessContract timeliness) {
        return switch (table) {
            case EVALUATION_CUSTODY -> CUSTODY;
            case EVALUATION_CONSENT -> CONSENT;
            case EVALUATION_MILESTONES -> milestones(timeliness);
            case TIMELINESS, AGREEMENT_REPLAY -> throw new IllegalArgumentException("not an evaluation table: "
                    + table.code());
        };
    }

    /** The evaluation's tables, in the order they are published. */
    public static List<PublishedTable> tables() {
        return List.of(PublishedTable.EVALUATION_CUSTODY, PublishedTable.EVALUATION_MILESTONES,
                PublishedTable.EVALUATION_CONSENT);
    }

    /** A milestone's outcome as a measure: {@code accommodation-confirmed.met-late}. */
    public static String milestone(String milestone, String outcome) {
        return milestone + "." + outcome;
    }

    private static List<String> milestones(TimelinessContract timeliness) {
        List<String> measures = new ArrayList<>();
        for (Milestone milestone : timeliness.milestones()) {
            for (String outcome : MILESTONE_OUTCOMES) {
                measures.add(milestone(milestone.id(), outcome));
            }
        }
        return measures;
    }
}

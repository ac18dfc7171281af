package io.throughgate.evaluation.publish;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.throughgate.config.ClockProducer;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.consent.Provision;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.evaluation.Counts;
import io.throughgate.evaluation.EvaluationMeasures;
import io.throughgate.evaluation.MonthlyRelease;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogQueries.LoggedRecord;
import io.throughgate.timeliness.MilestoneStatus;
import io.throughgate.timeliness.Timeline;
import io.throughgate.timeliness.Timelines;
import io.throughgate.timeliness.TimelinessContract;

/**
 * The true counts of a month's evaluation tables, per borough, from what the hub keeps: the sharing log (the records
 * it received), the children's pseudonymous timelines (their borough and milestones) and the consent registry. A
 * child is counted in the borough of the YOT their timeline names as responsible when the counts are made, or in
 * {@link MonthlyRelease#NOT_KNOWN} when the hub keeps no timeline or the YOT is not a London borough's. Nothing
 * here names a child; the counts are published only once protected ({@link MonthlyRelease}).
 */
@ApplicationScoped
public class MonthlyCounts {

    /** The purpose whose consent decisions the consent table counts. */
    static final String EVALUATION = "evaluation";
    /** How far from a month a child's admission or release may lie and a milestone still fall due in it. */
    private static final int DEADLINE_REACH_DAYS = 62;

    @Inject
    SharingLog sharingLog;

    @Inject
    Timelines timelines;

    @Inject
    TimelinessContract timeliness;

    @Inject
    ConsentRegistry consent;

    @Inject
    AgencyDirectory directory;

    /** The rows of every evaluation table: the London boroughs' YOTs, by code, then {@code not-known}. */
    public List<String> boroughs() {
        List<String> boroughs = new ArrayList<>(directory.ofKind(AgencyKind.YOT).stream().map(agency -> agency
                .code()).sorted().toList());
        boroughs.add(MonthlyRelease.NOT_KNOWN);
        return boroughs;
    }

    /**
     * A table's counts for a month.
     *
     * @param table the evaluation table
     * @param month the month
     * @param judgedOn the day milestones are judged on: one due in the month and not met by then is missed
     */
    public Counts of(PublishedTable table, YearMonth month, LocalDate judgedOn) throws SQLException {
        List<String> boroughs = boroughs();
        Counts counts = Counts.zero(boroughs, EvaluationMeasures.of(table, timeliness));
        Map<String, String> yots = timelines.responsibleYots();
        return switch (table) {
            case EVALUATION_CUSTODY -> custody(counts, month, yots);
            case EVALUATION_MILESTONES -> milestones(counts, month, judgedOn);
            case EVALUATION_CONSENT -> consent(counts, month, yots);
            case TIMELINESS, AGREEMENT_REPLAY -> throw new IllegalArgumentException("not an evaluation table: "
                    + table.code());
        };
    }

    private Counts custody(Counts counts, YearMonth month, Map<String, String> yots) throws SQLException {
        Map<String, String> measureOf = new HashMap<>();
        EvaluationMeasures.CUSTODY_RECORD_TYPES.forEach((measure, type) -> measureOf.put(type, measure));
        Instant from = month.atDay(1).atStartOfDay(ClockProducer.LONDON).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ClockProducer.LONDON).toInstant();
        Counts result = counts;
        for (LoggedRecord record : sharingLog.queries().recordsReceived(measureOf.keySet(), from, to)) {
            result = result.plus(borough(record.pseudonyms(), null, yots), measureOf.get(record.type()), 1);
        }
        return result;
    }

    private Counts milestones(Counts counts, YearMonth month, LocalDate judgedOn) throws SQLException {
        Counts result = counts;
        for (Timeline timeline : timelines.anchoredBetween(month.atDay(1).minusDays(DEADLINE_REACH_DAYS), month
                .atEndOfMonth().plusDays(DEADLINE_REACH_DAYS))) {
            String borough = london(timeline.responsibleYot()).orElse(MonthlyRelease.NOT_KNOWN);
            for (MilestoneStatus status : timeline.statuses(timeliness, judgedOn)) {
                if (status.due() == null || !YearMonth.from(status.due()).equals(month)) {
                    continue;
                }
                Optional<String> outcome = outcome(status);
                if (outcome.isPresent()) {
                    result = result.plus(borough, EvaluationMeasures.milestone(status.milestone().id(), outcome
                            .get()), 1);
                }
            }
        }
        return result;
    }

    private static Optional<String> outcome(MilestoneStatus status) {
        return switch (status.state()) {
            case MET_ON_TIME -> Optional.of("met-on-time");
            case MET_LATE -> Optional.of("met-late");
            case MISSED -> Optional.of("missed");
            // Not yet due on the day the counts are made: only when they are made before the month ends.
            case NOT_STARTED, OPEN, AT_RISK -> Optional.empty();
        };
    }

    private Counts consent(Counts counts, YearMonth month, Map<String, String> yots) {
        Counts result = counts;
        for (ConsentDecision decision : consent.view().all()) {
            if (!decision.purpose().equals(EVALUATION)) {
                continue;
            }
            String borough = borough(Set.copyOf(decision.subjectPseudonyms()), decision.recordedBy(), yots);
            if (in(month, decision.recordedAt())) {
                result = result.plus(borough, decision.provision() == Provision.PERMIT ? "given" : "refused", 1);
            }
            if (decision.withdrawal().isPresent() && in(month, decision.withdrawal().get().withdrawnAt())) {
                result = result.plus(borough, "withdrawn", 1);
            }
        }
        return result;
    }

    /**
     * The borough a child is counted in: the responsible YOT of their timeline, else the agency that recorded the
     * decision when it is a London YOT, else not known.
     */
    private String borough(Set<String> pseudonyms, String recordedBy, Map<String, String> yots) {
        Optional<String> yot = pseudonyms.stream().sorted().map(yots::get).filter(code -> code != null).findFirst()
                .flatMap(this::london);
        if (yot.isEmpty() && recordedBy != null) {
            yot = london(recordedBy);
        }
        return yot.orElse(MonthlyRelease.NOT_KNOWN);
    }

    private Optional<String> london(String code) {
        return Optional.ofNullable(code).filter(value -> directory.find(value).map(agency -> agency
                .kind() == AgencyKind.YOT).orElse(false));
    }

    private static boolean in(YearMonth month, Instant instant) {
        return YearMonth.from(instant.atZone(ClockProducer.LONDON)).equals(month);
    }
}

package io.throughgate.evaluation;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.timeliness.EvaluationFacts;
import io.throughgate.timeliness.EvaluationSubjects;
import io.throughgate.timeliness.MilestoneStatus;
import io.throughgate.timeliness.TimelinessContract;

/**
 * The evaluation's record-level extract of a month: one row per child released in the evaluation year to the month's
 * end whose consent to evaluation lets their release notification go to the evaluators, with a pseudonym of this
 * extract only, their quasi-identifiers made k-anonymous ({@link KAnonymity}) and their milestones' outcomes.
 *
 * @param month the month it is made for
 * @param from the first month of release it covers: the evaluation year's April
 * @param columns the columns, in order
 * @param rows the rows, ordered by pseudonym (which says nothing of the order the children came in)
 * @param generalisations for each quasi-identifier, what its values keep
 * @param released the children released in the span of whom the evaluators were sent anything
 * @param withoutConsent of them, those whose consent does not let them into the extract today
 * @param suppressed of the others, those left out because too few children shared their quasi-identifiers
 * @param k the least number of rows that share every quasi-identifier
 * @param subjects the hub-wide pseudonyms of every child in it, for the sharing log (never published)
 */
public record EvaluationExtract(YearMonth month, YearMonth from, List<String> columns, List<List<String>> rows,
        Map<String, String> generalisations, int released, int withoutConsent, int suppressed, int k,
        List<String> subjects) {

    /** What a quasi-identifier holds when the hub was not sent it. */
    public static final String NOT_KNOWN = "not-known";

    public EvaluationExtract {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        generalisations = Map.copyOf(generalisations);
        subjects = List.copyOf(subjects);
    }

    /**
     * Makes a month's extract.
     *
     * @param month the month
     * @param members the children released from the evaluation year's April to the month's end
     * @param consented whether a child's consent lets them in today
     * @param pseudonym a child's pseudonym in this extract
     * @param establishmentKind the kind (yoi, stc, sch, ssc) of an establishment's code
     * @param rule the extract's k, suppression limit and sub-regions
     * @param timeliness the milestones
     * @param judgedOn the day milestones are judged on
     */
    public static EvaluationExtract of(YearMonth month, List<EvaluationSubjects.Member> members,
            Predicate<EvaluationSubjects.Member> consented, Function<EvaluationSubjects.Member, String> pseudonym,
            Function<String, String> establishmentKind, DisclosureContract.ExtractRule rule,
            TimelinessContract timeliness, LocalDate judgedOn) {
        List<EvaluationSubjects.Member> included = members.stream().filter(consented).toList();
        List<String[]> quasi = included.stream().map(member -> quasiIdentifiers(member, establishmentKind))
                .toList();
        List<Hierarchy> hierarchies = ExtractHierarchies.all(rule.subRegions());
        KAnonymity.Result anonymous = KAnonymity.anonymise(quasi, hierarchies, rule.k(), rule.suppressUpToPercent()
                / 100.0);
        List<String> columns = new ArrayList<>(List.of("pseudonym"));
        hierarchies.forEach(hierarchy -> columns.add(hierarchy.name()));
        timeliness.milestones().forEach(milestone -> columns.add(milestone.id()));
        List<List<String>> rows = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < included.size(); i++) {
            if (!anonymous.kept()[i]) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add(pseudonym.apply(included.get(i)));
            subjects.addAll(included.get(i).pseudonyms());
            row.addAll(List.of(anonymous.rows().get(kept++)));
            for (MilestoneStatus status : included.get(i).timeline().statuses(timeliness, judgedOn)) {
                row.add(outcome(status));
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing(row -> row.get(0)));
        Map<String, String> generalisations = new java.util.LinkedHashMap<>();
        int[] levels = anonymous.levels();
        for (int i = 0; i < hierarchies.size(); i++) {
            generalisations.put(hierarchies.get(i).name(), hierarchies.get(i).levels().get(levels[i]));
        }
        return new EvaluationExtract(month, EvaluationYear.start(month), columns, rows, generalisations, members
                .size(), members.size() - included.size(), anonymous.suppressed(), rule.k(),
                subjects.stream().sorted()
                        .toList());
    }

    /** A milestone's outcome as the extract gives it. */
    static String outcome(MilestoneStatus status) {
        return switch (status.state()) {
            case MET_ON_TIME -> "met-on-time";
            case MET_LATE -> "met-late";
            case MISSED -> "missed";
            case NOT_STARTED, OPEN, AT_RISK -> "open";
        };
    }

    private static String[] quasiIdentifiers(EvaluationSubjects.Member member, Function<String, String> kind) {
        EvaluationFacts facts = member.facts();
        LocalDate released = member.timeline().releaseOn();
        String age = facts.birthMonth() == null
                ? NOT_KNOWN
                : ExtractHierarchies.ageBand(Period.between(YearMonth
                        .parse(facts.birthMonth()).atDay(1), released).getYears());
        String establishment = member.timeline().establishment();
        return new String[]{age, orNotKnown(facts.gender()), orNotKnown(facts.ethnicity()), orNotKnown(member
                .timeline().responsibleYot()), establishment == null ? NOT_KNOWN : kind.apply(establishment),
                YearMonth.from(released).toString()};
    }

    private static String orNotKnown(String value) {
        return value == null ? NOT_KNOWN : value;
    }

}

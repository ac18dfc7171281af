package io.throughgate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.timeliness.EvaluationFacts;
import io.throughgate.timeliness.EvaluationSubjects;
import io.throughgate.timeliness.Timeline;
import io.throughgate.timeliness.TimelinessContracts;

/**
 * A month's extract from the children the evaluators were sent facts about: those without consent today are left
 * out, the rest made k-anonymous, each in one row under a pseudonym of the extract, and the dictionary says how far
 * each quasi-identifier was generalised.
 */
class EvaluationExtractBuildTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final LocalDate MADE_ON = LocalDate.of(2026, 12, 6);
    private static final DisclosureContract.ExtractRule RULE = new DisclosureContract.ExtractRule(5, 5, Map.of(
            "yot-camden", "central", "yot-islington", "central", "yot-enfield", "north"));

    /**
     * Five children from Camden, two from Islington and one from Enfield, all 16, male, released in November from a
     * YOI; one Camden child has not consented. Of the seven left, Camden's four and Islington's two are fewer than
     * 5 by borough; by sub-region central holds six but Enfield's one is alone in the north, and leaving one child
     * of seven out is more than 5%. So the borough goes to nothing, where all seven share it.
     */
    @Test
    void childrenWithoutConsentAreLeftOutAndTheRestMadeFiveAnonymous() {
        List<EvaluationSubjects.Member> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(member("yot-camden", "c" + i));
        }
        for (int i = 0; i < 2; i++) {
            members.add(member("yot-islington", "i" + i));
        }
        members.add(member("yot-enfield", "e0"));
        Set<String> refused = Set.of("c4");
        Map<String, String> pseudonyms = new HashMap<>();
        EvaluationExtract extract = EvaluationExtract.of(MONTH, members, member -> !refused.contains(member
                .pseudonyms().get(0)), member -> pseudonyms.computeIfAbsent(member.pseudonyms().get(0),
                        hub -> "p-" + hub),
                kind -> "yoi", RULE, TimelinessContracts.shipped(), MADE_ON);
        assertEquals(8, extract.released());
        assertEquals(1, extract.withoutConsent());
        assertEquals(0, extract.suppressed());
        assertEquals(7, extract.rows().size());
        assertEquals("*", extract.generalisations().get("borough"));
        assertTrue(extract.rows().stream().allMatch(row -> row.get(4).equals("*")));
        assertEquals("10-14, 15, 16, 17, 18+", extract.generalisations().get("ageBand"), "age needs no more");
        assertTrue(extract.rows().stream().allMatch(row -> row.get(1).equals("16")));
        assertTrue(extract.rows().stream().noneMatch(row -> row.get(0).equals("p-c4")), "no row for c4");
        assertEquals(extract.rows().stream().map(row -> row.get(0)).sorted().toList(), extract.rows().stream().map(
                row -> row.get(0)).toList(), "ordered by pseudonym");
        assertTrue(!extract.subjects().contains("c4") && extract.subjects().contains("e0"));
    }

    /** Fewer consenting children than k: no row at all, however far generalised. */
    @Test
    void fewerThanKChildrenGiveNoRows() {
        List<EvaluationSubjects.Member> members = List.of(member("yot-camden", "a"), member("yot-camden", "b"));
        EvaluationExtract extract = EvaluationExtract.of(MONTH, members, member -> true, member -> "p", kind -> "yoi",
                RULE, TimelinessContracts.shipped(), MADE_ON);
        assertEquals(0, extract.rows().size());
        assertEquals(2, extract.suppressed());
        assertTrue(extract.subjects().isEmpty());
    }

    private static EvaluationSubjects.Member member(String yot, String pseudonym) {
        Timeline timeline = new Timeline(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 20), yot, "yoi-feltham",
                Map.of());
        return new EvaluationSubjects.Member(timeline, new EvaluationFacts("2010-03", "male",
                "White: English, Welsh, Scottish, Northern Irish or British"), List.of(pseudonym));
    }
}

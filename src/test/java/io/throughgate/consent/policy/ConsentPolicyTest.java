package io.throughgate.consent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.failure.Result;

/** The shipped who-may-consent rules, one allowed and one refused decision at a time. */
class ConsentPolicyTest {

    static final ConsentPolicy POLICY = shipped();
    private static final LocalDate DAY = LocalDate.of(2026, 5, 14);

    static ConsentPolicy shipped() {
        try {
            return ConsentPolicy.parse(Files.readAllBytes(Path.of("contracts", ConsentPolicy.FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who decides, how old the child is, and whether the rule named allows it ({@code ok}) or refuses it. */
    @ParameterizedTest(name = "{0} for a child born {1} (looked after {2}, assessment {3}): {5} by {4}")
    @CsvSource({
            // 18 and over: the young adult alone
            "child,                   2008-05-14, false, none,          eighteen-and-over,     ok",
            "parental-responsibility, 2008-05-14, false, none,          eighteen-and-over,     refused",
            "local-authority,         2008-05-14, true,  none,          eighteen-and-over,     refused",
            "child,                   2001-01-31, false, none,          eighteen-and-over,     ok",
            // 16 and 17: presumed competent; the local authority too when looked after; never a parent
            "child,                   2008-05-15, false, none,          sixteen-and-seventeen, ok",
            "local-authority,         2008-05-15, true,  none,          sixteen-and-seventeen, ok",
            "child,                   2010-05-14, false, none,          sixteen-and-seventeen, ok",
            "child,                   2010-05-14, false, not-competent, sixteen-and-seventeen, ok",
            "local-authority,         2009-11-02, true,  none,          sixteen-and-seventeen, ok",
            "local-authority,         2009-11-02, false, none,          sixteen-and-seventeen, refused",
            "parental-responsibility, 2010-05-14, false, none,          sixteen-and-seventeen, refused",
            "parental-responsibility, 2009-11-02, true,  not-competent, sixteen-and-seventeen, refused",
            // under 16: the child when assessed competent; otherwise a parent, or the local authority if looked after
            "child,                   2010-05-15, false, none,          under-sixteen,         refused",
            "child,                   2010-05-15, false, competent,     under-sixteen,         ok",
            "child,                   2012-08-20, false, not-competent, under-sixteen,         refused",
            "child,                   2012-08-20, true,  competent,     under-sixteen,         ok",
            "parental-responsibility, 2010-05-15, false, none,          under-sixteen,         ok",
            "parental-responsibility, 2012-08-20, false, not-competent, under-sixteen,         ok",
            "parental-responsibility, 2012-08-20, false, competent,     under-sixteen,         refused",
            "local-authority,         2012-08-20, true,  none,          under-sixteen,         ok",
            "local-authority,         2012-08-20, true,  not-competent, under-sixteen,         ok",
            "local-authority,         2012-08-20, false, none,          under-sixteen,         refused",
            "local-authority,         2012-08-20, true,  competent,     under-sixteen,         refused",
            "parental-responsibility, 2026-05-14, false, none,          under-sixteen,         ok"})
    void allowsOrRefusesByTheRuleForTheChildsAgeOnTheDay(String role, LocalDate dateOfBirth, boolean lookedAfter,
            String assessment, String rule, String outcome) {
        Result<String> result = POLICY.mayDecide(decider(role, assessment, DAY.minusDays(7)), dateOfBirth,
                lookedAfter, DAY);
        if (outcome.equals("ok")) {
            assertEquals(Result.success(rule), result);
        } else {
            Failure failure = ((Result.Failed<String>) result).failure();
            assertEquals(ErrorCode.CONSENT_NOT_ALLOWED, failure.code());
            assertEquals(ConsentPolicy.POINTER, failure.pointer());
            assertTrue(failure.message().startsWith("refused by rule " + rule + ": "), failure.message());
        }
    }

    @Test
    void refusalReadsBackTheRuleAndSaysWhyAParentMayNotDecideAtSixteen() {
        String refusal = refusal("parental-responsibility", "none", LocalDate.of(2010, 5, 14), false, DAY);
        assertEquals("refused by rule sixteen-and-seventeen: a child of 16 or 17 is presumed competent and decides "
                + "for themselves (or, if looked after, the local authority may decide); a person with parental "
                + "responsibility may not decide for them; here a person with parental responsibility may not "
                + "decide, because this rule does not let them", refusal);
    }

    @Test
    void refusesAChildUnderSixteenWithoutACompetenceAssessment() {
        assertEquals("refused by rule under-sixteen: a child under 16 decides for themselves only when assessed "
                + "competent (Gillick); otherwise a person with parental responsibility decides (or, if the child "
                + "is looked after, the local authority); here the child may not decide, because no competence "
                + "assessment was given", refusal("child", "none", LocalDate.of(2010, 5, 15), false, DAY));
    }

    @Test
    void refusesAParentWhenTheChildWasAssessedCompetentBecauseTheChildsOwnDecisionStands() {
        assertTrue(refusal("parental-responsibility", "competent", LocalDate.of(2012, 8, 20), false, DAY).endsWith(
                "; here a person with parental responsibility may not decide, because the child was assessed "
                        + "competent, and a competent child's own decision stands"));
    }

    @Test
    void refusesTheLocalAuthorityForAChildWhoIsNotLookedAfter() {
        assertTrue(refusal("local-authority", "none", LocalDate.of(2009, 11, 2), false, DAY).endsWith(
                "; here the local authority may not decide, because the child is not looked after by the local "
                        + "authority"));
    }

    @Test
    void anAssessmentMadeAfterTheDecisionDoesNotCount() {
        Decider child = decider("child", "competent", DAY.plusDays(1));
        Result<String> refused = POLICY.mayDecide(child, LocalDate.of(2012, 8, 20), false, DAY);
        Failure failure = ((Result.Failed<String>) refused).failure();
        assertTrue(failure.message().endsWith("because the competence assessment is dated after the decision"));
        Decider parent = decider("parental-responsibility", "competent", DAY.plusDays(1));
        assertEquals(Result.success("under-sixteen"), POLICY.mayDecide(parent, LocalDate.of(2012, 8, 20), false,
                DAY));
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({"2010-05-14, 2026-05-13, 15", "2010-05-14, 2026-05-14, 16", "2008-05-14, 2026-05-13, 17",
            "2008-05-14, 2026-05-14, 18", "2008-02-29, 2024-02-28, 15", "2008-02-29, 2024-02-29, 16",
            "2008-02-29, 2026-02-28, 17", "2008-02-29, 2026-03-01, 18", "2026-05-14, 2026-05-14, 0",
            "2010-12-31, 2026-01-01, 15"})
    void countsAgeInWholeYearsOnTheDayWithBirthdaysOnTheDay(LocalDate dateOfBirth, LocalDate day, int age) {
        assertEquals(age, ConsentPolicy.ageOn(dateOfBirth, day));
    }

    @Test
    void aChildBornOnTwentyNinthFebruaryTurnsEighteenOnFirstMarchInACommonYear() {
        Decider parent = decider("parental-responsibility", "none", DAY);
        LocalDate leapDay = LocalDate.of(2008, 2, 29);
        assertTrue(refusal("parental-responsibility", "none", leapDay, false, LocalDate.of(2026, 2, 28))
                .startsWith("refused by rule sixteen-and-seventeen"));
        assertTrue(refusal("parental-responsibility", "none", leapDay, false, LocalDate.of(2026, 3, 1))
                .startsWith("refused by rule eighteen-and-over"));
        assertEquals(Result.success("sixteen-and-seventeen"), POLICY.mayDecide(decider("local-authority", "none",
                DAY), leapDay, true, LocalDate.of(2026, 2, 28)));
        assertTrue(POLICY.mayDecide(parent, leapDay, false, LocalDate.of(2024, 2, 28)).succeeded());
    }

    @Test
    void refusesADateOfBirthAfterTheDay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> POLICY.mayDecide(decider(
                "child", "none", DAY), DAY.plusDays(1), false, DAY));
        assertEquals("date of birth 2026-05-15 is after the day 2026-05-14", e.getMessage());
    }

    private static String refusal(String role, String assessment, LocalDate dateOfBirth, boolean lookedAfter,
            LocalDate day) {
        Result<String> result = POLICY.mayDecide(decider(role, assessment, day.minusDays(7)), dateOfBirth,
                lookedAfter, day);
        return ((Result.Failed<String>) result).failure().message();
    }

    static Decider decider(String role, String assessment, LocalDate assessedOn) {
        Optional<CompetenceAssessment> competence = Optional.of(assessment).filter(outcome -> !outcome.equals("none"))
                .map(outcome -> new CompetenceAssessment("YOT health worker, Camden", assessedOn, outcome.equals(
                        "competent")));
        DeciderRole decider = DeciderRole.fromCode(role).orElseThrow();
        Optional<String> description = switch (decider) {
            case CHILD -> Optional.empty();
            case PARENTAL_RESPONSIBILITY -> Optional.of("mother");
            case LOCAL_AUTHORITY -> Optional.of("London Borough of Camden children's services");
        };
        return new Decider(decider, description, competence);
    }
}

package io.throughgate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FieldRuleSetTest {

    private static FieldRule rule(String field, FieldAction action) {
        return new FieldRule(field, action, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final FieldRuleSet rules = new FieldRuleSet(List.of(
            rule("/body", FieldAction.SHARE),
            rule("/body/releaseAddress", FieldAction.WITHHOLD),
            new FieldRule("/body/releaseAddress/postcode", FieldAction.GENERALISE,
                    Optional.of(Generalisation.POSTCODE_DISTRICT), Optional.empty(), Optional.empty()),
            rule("/body/appointmentsBooked/*/with", FieldAction.ENCRYPT),
            rule("/subject/nhsNumber", FieldAction.PSEUDONYMISE)));

    @Test
    void theMostSpecificRuleWins() {
        assertEquals(FieldAction.GENERALISE, rules.ruleFor("/body/releaseAddress/postcode").action());
        assertEquals(FieldAction.WITHHOLD, rules.ruleFor("/body/releaseAddress/town").action());
        assertEquals(FieldAction.SHARE, rules.ruleFor("/body/releaseDate").action());
    }

    @Test
    void arrayIndicesMatchTheWildcard() {
        assertEquals(FieldAction.ENCRYPT, rules.ruleFor("/body/appointmentsBooked/3/with").action());
        assertEquals(FieldAction.SHARE, rules.ruleFor("/body/appointmentsBooked/0/date").action());
    }

    @Test
    void aPatternReplacesEveryArrayIndexAndNothingElse() {
        // Each case: a pointer and its pattern, every segment of ASCII digits only becoming *.
        String[][] cases = {{"/body/releaseDate", "/body/releaseDate"}, {"/body/appointmentsBooked/12/with",
                "/body/appointmentsBooked/*/with"}, {"/a/0/b/7", "/a/*/b/*"}, {"/0", "/*"}, {"/a1/b", "/a1/b"},
                {"/a/1x/2", "/a/1x/*"}, {"/a//3", "/a//*"}, {"/", "/"}, {"", ""}, {"/a/\u0663", "/a/\u0663"}};
        for (String[] pointerAndPattern : cases) {
            assertEquals(pointerAndPattern[1], FieldRuleSet.pattern(pointerAndPattern[0]), pointerAndPattern[0]);
        }
    }

    @Test
    void withholdsFieldNotNamedInAgreement() {
        FieldRule rule = rules.ruleFor("/subject/name/given");
        assertEquals(FieldAction.WITHHOLD, rule.action());
        assertEquals(Optional.of("not named in the agreement"), rule.reason());
    }

    @Test
    void aPrefixOfAFieldNameIsNotAParentField() {
        FieldRuleSet narrow = new FieldRuleSet(List.of(rule("/subject/name", FieldAction.SHARE)));
        assertEquals(FieldAction.WITHHOLD, narrow.ruleFor("/subject/nameAtBirth").action());
        assertEquals(FieldAction.SHARE, narrow.ruleFor("/subject/name/family").action());
    }

    @Test
    void refusesTwoRulesForOneField() {
        assertThrows(IllegalArgumentException.class, () -> new FieldRuleSet(List.of(
                rule("/body", FieldAction.SHARE), rule("/body", FieldAction.WITHHOLD))));
    }
}

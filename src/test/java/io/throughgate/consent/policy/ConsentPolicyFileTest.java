package io.throughgate.consent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.throughgate.consent.DeciderRole;
import io.throughgate.contract.InvalidContractException;

/** The policy file as the hub reads it: the shipped one, and malformed ones refused with the line at fault. */
class ConsentPolicyFileTest {

    private static final String VALID = """
            rules:
              - id: adults
                ages: {from: 18}
                says: an adult decides for themselves
                mayDecide:
                  - role: child
              - id: children
                ages: {from: 0, to: 17}
                says: a parent decides
                mayDecide:
                  - role: parental-responsibility
                    when: [not-assessed-competent]
            """;

    @Test
    void shippedPolicyHasOneRuleForEachAgeBand() {
        ConsentPolicy policy = ConsentPolicyTest.POLICY;
        assertEquals(List.of("eighteen-and-over", "sixteen-and-seventeen", "under-sixteen"), policy.rules().stream()
                .map(PolicyRule::id).toList());
        assertEquals("under-sixteen", policy.ruleFor(0).id());
        assertEquals("under-sixteen", policy.ruleFor(15).id());
        assertEquals("sixteen-and-seventeen", policy.ruleFor(16).id());
        assertEquals("eighteen-and-over", policy.ruleFor(18).id());
        assertEquals("eighteen-and-over", policy.ruleFor(120).id());
        assertEquals(64, policy.sha256().length());
    }

    @Test
    void readsRolesAndConditions() {
        PolicyRule under16 = ConsentPolicyTest.POLICY.find("under-sixteen").orElseThrow();
        assertEquals(0, under16.fromAge());
        assertEquals(Optional.of(15), under16.toAge());
        assertEquals(List.of(new AllowedDecider(DeciderRole.CHILD, List.of(Condition.ASSESSED_COMPETENT)),
                new AllowedDecider(DeciderRole.PARENTAL_RESPONSIBILITY, List.of(Condition.NOT_ASSESSED_COMPETENT)),
                new AllowedDecider(DeciderRole.LOCAL_AUTHORITY, List.of(Condition.LOOKED_AFTER,
                        Condition.NOT_ASSESSED_COMPETENT))),
                under16.mayDecide());
        assertEquals(Optional.empty(), ConsentPolicyTest.POLICY.find("eighteen-and-over").orElseThrow().toAge());
    }

    @Test
    void parsesAMinimalPolicy() {
        assertEquals(2, parse(VALID).rules().size());
    }

    /** A change to the valid file, and a problem it must cause, as FILE:LINE, ENTRY: MESSAGE. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "      - role: child|      - role: guardian|consent-policy.yaml:6, rule adults: role 'guardian' is not "
                    + "one of child, parental-responsibility, local-authority",
            "when: [not-assessed-competent]|when: [competent]|consent-policy.yaml:12, rule children: condition "
                    + "'competent' is not one of looked-after, assessed-competent, not-assessed-competent",
            "when: [not-assessed-competent]|when: [assessed-competent, not-assessed-competent]|"
                    + "consent-policy.yaml:12, rule children: 'assessed-competent' and 'not-assessed-competent' can "
                    + "never both hold",
            "{from: 0, to: 17}|{from: 1, to: 17}|consent-policy.yaml:7, rule children: no rule covers ages 0 to 0; "
                    + "exactly one rule must cover each age",
            "{from: 0, to: 17}|{from: 0, to: 18}|consent-policy.yaml:2, rule adults: its ages overlap those of "
                    + "rule children; exactly one rule must cover each age",
            "{from: 18}|{from: 18, to: 25}|consent-policy.yaml:1: no rule covers ages from 26 on; the oldest rule "
                    + "must leave out 'to'",
            "{from: 0, to: 17}|{from: 0, to: seventeen}|consent-policy.yaml:8, rule children: 'to' must be a whole "
                    + "number",
            "{from: 0, to: 17}|{from: 9, to: 3}|consent-policy.yaml:8, rule children: 'from' must be 0 or more and "
                    + "no more than 'to'",
            "    says: a parent decides|    said: a parent decides|consent-policy.yaml:7, rule children: required "
                    + "field 'says' is missing",
            "  - id: children|  - id: adults|consent-policy.yaml:7, rule adults: rule adults appears twice",
            "  - id: children|  - id: Children!|consent-policy.yaml:7, rule Children!: id 'Children!' must be a "
                    + "lowercase slug such as under-sixteen",
            "    mayDecide:\\n      - role: child|    mayDecide: []|consent-policy.yaml:2, rule adults: 'mayDecide' "
                    + "must list at least one decider",
            "rules:|rulez:|consent-policy.yaml:2: unknown field 'rulez'; allowed: rules"})
    void refusesAMalformedPolicyNamingTheLine(String from, String to, String problem) {
        String text = VALID.replace(from.replace("\\n", "\n"), to);
        InvalidContractException e = assertThrows(InvalidContractException.class, () -> parse(text));
        assertTrue(e.problems().stream().map(Object::toString).toList().contains(problem), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotYaml() {
        InvalidContractException e = assertThrows(InvalidContractException.class, () -> parse("rules: [\n  - id"));
        assertEquals(1, e.problems().size());
        assertEquals(0, e.problems().get(0).line());
    }

    @Test
    void refusesAFileWithoutRules() {
        InvalidContractException e = assertThrows(InvalidContractException.class, () -> parse("- a list\n"));
        assertEquals("consent-policy.yaml: the file must be a mapping with a list 'rules'", e.problems().get(0)
                .toString());
    }

    private static ConsentPolicy parse(String text) {
        return ConsentPolicy.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}

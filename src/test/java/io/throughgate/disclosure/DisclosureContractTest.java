package io.throughgate.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.InvalidContractException;

/** {@code contracts/disclosure.yaml} as the hub and the linter read it, and every mistake found with its line. */
class DisclosureContractTest {

    /**
     * The timeliness tables follow most official statistics (1 to 4 suppressed); the evaluation's follow its
     * agreement, which asks for 1 to 7, as NHS sub-national statistics do.
     */
    @Test
    void theShippedRulesAreThoseOfTheAgreements() throws IOException {
        DisclosureContract contract = DisclosureContract.parse(Files.readAllBytes(Path.of("contracts",
                DisclosureContract.FILE)));
        assertEquals(new DisclosureRule(4, 5), contract.rule(PublishedTable.TIMELINESS));
        assertEquals(new DisclosureRule(7, 5), contract.rule(PublishedTable.EVALUATION_CUSTODY));
        assertEquals(new DisclosureRule(7, 5), contract.rule(PublishedTable.EVALUATION_MILESTONES));
        assertEquals(new DisclosureRule(7, 5), contract.rule(PublishedTable.EVALUATION_CONSENT));
        assertEquals(5, contract.extract().k());
        assertEquals(5, contract.extract().suppressUpToPercent());
        // The London Plan's five sub-regions hold the 32 boroughs, each once.
        assertEquals(32, contract.extract().subRegions().size());
        assertEquals("central", contract.extract().subRegions().get("yot-camden"));
        assertEquals("north", contract.extract().subRegions().get("yot-enfield"));
    }

    @Test
    void kIsFiveWhenNotGiven() {
        assertEquals(DisclosureContract.DEFAULT_K, parse("""
                tables:
                  timeliness: {suppressFrom: 1, suppressTo: 4, roundTo: 5}
                  evaluation-custody: {suppressFrom: 1, suppressTo: 7, roundTo: 5}
                  evaluation-milestones: {suppressFrom: 1, suppressTo: 7, roundTo: 5}
                  evaluation-consent: {suppressFrom: 1, suppressTo: 7, roundTo: 5}
                  agreement-replay: {suppressFrom: 1, suppressTo: 7, roundTo: 5}
                """).extract().k());
    }

    @Test
    void everyMistakeIsReportedWithItsLine() {
        InvalidContractException failure = assertThrows(InvalidContractException.class, () -> parse("""
                tables:
                  timeliness: {suppressFrom: 2, suppressTo: 4, roundTo: 5}
                  evaluation-custody: {suppressFrom: 1, suppressTo: 1, roundTo: 5}
                  evaluation-milestones: {suppressFrom: 1, suppressTo: 7, roundTo: 0}
                  evaluation-census: {suppressFrom: 1, suppressTo: 7, roundTo: 5}
                  agreement-replay: {suppressFrom: 1, suppressTo: 7, roundTo: 5}
                extract:
                  k: 1
                """));
        assertEquals(List.of(
                "disclosure.yaml:5, tables: unknown field 'evaluation-census'; allowed: agreement-replay, "
                        + "evaluation-consent, evaluation-custody, evaluation-milestones, timeliness",
                "disclosure.yaml:2, table timeliness: 'suppressFrom' must be 1: every small count is suppressed, "
                        + "and zero is published as zero",
                "disclosure.yaml:3, table evaluation-custody: 'suppressTo' must be at least 2 with roundTo 5, so "
                        + "that no published count rounds to 0",
                "disclosure.yaml:4, table evaluation-milestones: 'roundTo' must be 1 or more",
                "disclosure.yaml:2, tables: table 'evaluation-consent' has no rule: the hub publishes it",
                "disclosure.yaml:8, extract: 'k' must be 2 or more: with 1, a row may single a child out"),
                failure.problems().stream().map(ContractProblem::toString).toList());
    }

    /** The rule's arithmetic: what is suppressed, how counts round, and what a shown count can stand for. */
    @Test
    void aRuleRoundsAndBoundsAsWrittenDown() {
        DisclosureRule evaluation = new DisclosureRule(7, 5);
        assertEquals(8, evaluation.threshold());
        assertEquals(List.of(false, true, true, false), List.of(evaluation.small(0), evaluation.small(1), evaluation
                .small(7), evaluation.small(8)));
        assertEquals(List.of(0, 10, 10, 15), List.of(evaluation.round(0), evaluation.round(8), evaluation.round(12),
                evaluation.round(13)));
        // A shown 10 is 8 to 12; with 1 to 7 suppressed, a shown 5 cannot be, and a shown 10 is at least 8.
        assertEquals(8, evaluation.lowestBehind(10));
        assertEquals(12, evaluation.highestBehind(10));
        DisclosureRule exact = new DisclosureRule(0, 1);
        assertEquals(List.of(3, 3), List.of(exact.lowestBehind(3), exact.highestBehind(3)));
    }

    private static DisclosureContract parse(String yaml) {
        return DisclosureContract.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }
}

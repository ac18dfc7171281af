package io.throughgate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.throughgate.cli.ContractsBootstrap;
import io.throughgate.config.ClockProducer;

/** The four agreements the partnership ships are well formed, signed by every party and in force. */
class ShippedAgreementsTest {

    private static final Clock CLOCK = Clock.system(ClockProducer.LONDON);
    private static final ContractsBootstrap CONTRACTS = ContractsBootstrap.load(Path.of("contracts"),
            List.of(Path.of("certs-dev/ca/ca.crt")), CLOCK);

    @Test
    void everyShippedAgreementIsInForce() {
        Map<String, AgreementStatus> statuses = CONTRACTS.agreements().stream().collect(Collectors.toMap(
                AgreementState::id, state -> state.verdict(LocalDate.now(CLOCK)).status()));
        assertEquals(Map.of(
                "london-resettlement-direct-care", AgreementStatus.IN_FORCE,
                "london-resettlement-health", AgreementStatus.IN_FORCE,
                "london-resettlement-evaluation", AgreementStatus.IN_FORCE,
                "transition-to-probation", AgreementStatus.IN_FORCE), statuses,
                () -> CONTRACTS.agreements().stream().map(state -> state.id() + ": " + state.verdict(LocalDate.now(
                        CLOCK)).reasons()).toList().toString());
    }

    @Test
    void directCareIsSignedByAll32BoroughsTheEstateYcsAndThePartnership() {
        AgreementState directCare = find("london-resettlement-direct-care");
        // 32 YOTs, 19 establishments, YCS Placements, and the partnership in whose name timeliness notices go.
        assertEquals(53, directCare.parties().size());
        assertEquals(32, directCare.parties().stream().filter(code -> code.startsWith("yot-")).count());
        assertTrue(directCare.parties().contains("ycs-placements"));
        assertTrue(directCare.parties().contains("partnership-london-resettlement"));
        assertTrue(!directCare.parties().contains("yoi-cookham-wood"), "Cookham Wood closed before the agreement");
    }

    /**
     * Of records about one child, the evaluators receive only pseudonymised, generalised or categorical fields, and
     * only with the child's consent; the rest is the hub's monthly statistics, sent in the partnership's name.
     */
    @Test
    void evaluationReceivesOnlyPseudonymisedGeneralisedOrCategoricalFieldsWithConsent() {
        Agreement evaluation = find("london-resettlement-evaluation").agreement().orElseThrow();
        List<FieldRule> rules = evaluation.flows().stream().filter(flow -> !flow.id().equals(
                "monthly-statistics-to-evaluation")).flatMap(flow -> flow.fields().rules().stream()).toList();
        Flow statistics = evaluation.flows().stream().filter(flow -> flow.id().equals(
                "monthly-statistics-to-evaluation")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("evaluation-tables", "evaluation-extract"), statistics.recordTypes());
        assertTrue(rules.stream().allMatch(rule -> rule.consentPurpose().equals(java.util.Optional.of(
                "evaluation"))));
        assertTrue(rules.stream().noneMatch(rule -> rule.field().startsWith("/subject/name")
                || rule.field().equals("/subject/nhsNumber") || rule.field().equals("/subject/dateOfBirth")
                        && rule.action() != FieldAction.GENERALISE));
    }

    private static AgreementState find(String id) {
        return CONTRACTS.agreements().stream().filter(state -> state.id().equals(id)).findFirst().orElseThrow();
    }
}

package io.throughgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.throughgate.agreement.AgencySelector;
import io.throughgate.agreement.EnvelopeRules;
import io.throughgate.agreement.FieldAction;
import io.throughgate.agreement.FieldRule;
import io.throughgate.agreement.FieldRuleSet;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.Generalisation;
import io.throughgate.agreement.PinnedSchema;
import io.throughgate.agreement.SchemaFieldCatalog;
import io.throughgate.consent.ConsentAnswer;
import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDetails;
import io.throughgate.directory.AgencyKind;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.record.schema.RecordSchemas;

/**
 * The field gate, rule by rule, as a table: for one field of a health summary, the rule an agreement writes, whether
 * the child consented, and what the recipient's copy then holds at that field (or "absent") with the outcome the
 * sharing log records. The expected copies follow the rules of decision records 0005 and 0013 as written, with
 * transforms that only mark what they were asked to do.
 */
class FieldGateTableTest {

    private static final SchemaFieldCatalog FIELDS = new SchemaFieldCatalog(RecordSchemas.load(new ContractFiles(
            Path.of("contracts"))));
    private static final Agency ICB = new Agency("health-icb-north-central-london", AgencyKind.HEALTH,
            "NHS North Central London ICB", LocalDate.of(2020, 4, 1), Optional.empty(),
            "urn:throughgate:agency:health-icb-north-central-london", List.of("dev"), new AgencyDetails(Optional
                    .empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    private static final UUID DECISION = UUID.fromString("b6a13799-f555-4bae-8508-56f4cf8dc2c0");
    private static final String RECORD_ID = "0d2b5c8e-7a41-4f6b-9c3d-2e1f0a9b8c7d";

    @ParameterizedTest(name = "{0} {1} consent={2}: {3}, {4}")
    @CsvSource(delimiter = '|', textBlock = """
            /subject/name/family | share                       | none    | "Example"                                           | share
            /subject/name/family | withhold                    | none    | absent                                              | withhold: withheld by the agreement
            /subject/name/family | not named                   | none    | absent                                              | withhold: not named in the agreement
            /subject/nhsNumber   | pseudonymise                | none    | "pseudonym of /subject/nhsNumber in test-domain"    | pseudonymise
            /subject/dateOfBirth | generalise:year-month       | none    | "year-month of 2009-05-14"                          | generalise
            /body/clinicalSummary | encrypt                    | none    | {"encrypted":"sealed for health-icb-north-central-london: /body/clinicalSummary of 0d2b5c8e-7a41-4f6b-9c3d-2e1f0a9b8c7d"} | encrypt
            /body/clinicalSummary | encrypt with consent       | given   | {"encrypted":"sealed for health-icb-north-central-london: /body/clinicalSummary of 0d2b5c8e-7a41-4f6b-9c3d-2e1f0a9b8c7d"} | encrypt, decision b6a13799-f555-4bae-8508-56f4cf8dc2c0
            /body/clinicalSummary | encrypt with consent       | refused | absent                                              | withhold: the child refused, decision b6a13799-f555-4bae-8508-56f4cf8dc2c0
            /recordId            | withhold                    | none    | "0d2b5c8e-7a41-4f6b-9c3d-2e1f0a9b8c7d"              | envelope
            """)
    void aFieldGoesAsItsRuleSays(String field, String rule, String consent, String copy, String outcome)
            throws Exception {
        GatedRecord gated = gate(healthSummary(), rule.equals("not named") ? List.of() : List.of(rule(field, rule)),
                consent);

        JsonNode expected = copy.equals("absent") ? null : new ObjectMapper().readTree(copy);
        JsonNode actual = gated.value().at(field);
        assertEquals(expected, actual.isMissingNode() ? null : actual, "the copy at " + field);
        if (!outcome.equals("envelope")) {
            assertEquals(outcome, describe(gated, field));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an item with nothing left closes up | /body/medication/0/dose
            """)
    void anEncryptedFieldIsBoundToItsPlaceInTheCopy(String situation, String placed) throws Exception {
        // The first item has only a name, which is withheld: the item is dropped and the second moves up.
        JsonNode record = new ObjectMapper().readTree("""
                {"recordId": "%s", "type": "health-summary", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z", "subject": {"nhsNumber": "9434765919"},
                 "body": {"medication": [{"name": "Sertraline"}, {"name": "Melatonin", "dose": "2 mg"}]}}
                """.formatted(RECORD_ID));
        GatedRecord gated = gate(record, List.of(rule("/body/medication/*/name", "withhold"), rule(
                "/body/medication/*/dose", "encrypt")), "none");

        assertEquals(1, gated.value().at("/body/medication").size());
        assertEquals("sealed for " + ICB.code() + ": " + placed + " of " + RECORD_ID, gated.value().at(placed
                + "/encrypted").asText());
    }

    private static GatedRecord gate(JsonNode record, List<FieldRule> rules, String consent) {
        Flow flow = new Flow("health-summary-to-icb", Set.of("health-summary"), new AgencySelector(Set.of(
                AgencyKind.HEALTH), Set.of()), List.of(), "direct-care-resettlement", new FieldRuleSet(rules),
                EnvelopeRules.AS_SENT);
        return new FieldGate(new MarkingTransforms()).gate(record, flow, new PinnedSchema(FIELDS, "health-summary",
                1, "london-resettlement-test version 1"), "test-domain", ICB, purpose -> switch (consent) {
                    case "given" -> new ConsentAnswer(true, Optional.of(DECISION), "the child consented");
                    case "refused" -> new ConsentAnswer(false, Optional.of(DECISION), "the child refused");
                    default -> new ConsentAnswer(false, Optional.empty(), "no decision recorded");
                });
    }

    private static FieldRule rule(String field, String written) {
        Optional<String> consent = written.endsWith(" with consent")
                ? Optional.of("health-information-sharing")
                : Optional.empty();
        String action = written.replace(" with consent", "");
        if (action.startsWith("generalise:")) {
            return new FieldRule(field, FieldAction.GENERALISE, Generalisation.fromCode(action.substring(11)), consent,
                    Optional.empty());
        }
        return new FieldRule(field, FieldAction.fromCode(action).orElseThrow(), Optional.empty(), consent,
                action.equals("withhold") ? Optional.of("withheld by the agreement") : Optional.empty());
    }

    /** The outcome the gate records for a field: action, the reason of a withheld one, the decision relied on. */
    private static String describe(GatedRecord gated, String field) {
        return gated.fields().stream().filter(outcome -> outcome.field().equals(field)).findFirst().map(outcome -> {
            List<String> parts = new ArrayList<>();
            parts.add(outcome.outcome().code() + outcome.reason().map(reason -> ": " + reason).orElse(""));
            outcome.consentDecision().ifPresent(decision -> parts.add("decision " + decision));
            return String.join(", ", parts);
        }).orElse("no outcome");
    }

    private static JsonNode healthSummary() throws Exception {
        return new ObjectMapper().readTree("""
                {"recordId": "%s", "type": "health-summary", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nhsNumber": "9434765919", "name": {"given": "Ade", "family": "Example"},
                   "dateOfBirth": "2009-05-14"},
                 "body": {"clinicalSummary": "Settled on medication."}}
                """.formatted(RECORD_ID));
    }

    /** Transforms that say what they were asked to do, so the table can say what the copy holds. */
    private static final class MarkingTransforms implements FieldTransforms {

        @Override
        public Optional<String> pseudonymise(String domain, String field, JsonNode value) {
            return Optional.of("pseudonym of " + field + " in " + domain);
        }

        @Override
        public Optional<JsonNode> generalise(JsonNode value, Generalisation how) {
            return Optional.of(TextNode.valueOf(how.code() + " of " + value.asText()));
        }

        @Override
        public Optional<String> encrypt(JsonNode value, Agency recipient, String recordId, String pointer) {
            return Optional.of("sealed for " + recipient.code() + ": " + pointer + " of " + recordId);
        }

        @Override
        public String recordId(String domain, String recordId) {
            return "copy of " + recordId;
        }
    }
}

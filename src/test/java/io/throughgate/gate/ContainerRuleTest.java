package io.throughgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import io.throughgate.exchange.FieldOutcome;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.record.schema.RecordSchemas;

/**
 * A rule on a container shares nothing by default (docs/decisions/0013): it never covers special-category or
 * criminal offence data, which the schemas mark, nor a field the agreement's pinned schema version does not name.
 * The expected reasons are the rule's words, written out here.
 */
class ContainerRuleTest {

    private static final SchemaFieldCatalog FIELDS = new SchemaFieldCatalog(RecordSchemas.load(new ContractFiles(
            Path.of("contracts"))));
    private static final Agency CAMDEN = new Agency("yot-camden", AgencyKind.YOT, "Camden Youth Offending Team",
            LocalDate.of(2020, 4, 1), Optional.empty(), "urn:throughgate:agency:yot-camden", List.of("dev"),
            new AgencyDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
    private static final FieldRuleSet BODY_SHARED = new FieldRuleSet(List.of(share("/subject/name"),
            share("/body")));

    private static FieldRule share(String field) {
        return new FieldRule(field, FieldAction.SHARE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Map<String, String> withheld(JsonNode record, FieldRuleSet rules, int pinnedVersion) {
        Flow flow = new Flow("pathway-progress-to-yot", Set.of("pathway-update"), new AgencySelector(Set.of(
                AgencyKind.YOI), Set.of()), List.of(), "direct-care-resettlement", rules, EnvelopeRules.AS_SENT);
        GatedRecord gated = new FieldGate(new UnusedTransforms()).gate(record, flow, new PinnedSchema(FIELDS,
                record.path("type").asText(), pinnedVersion, "london-resettlement-test version 1"), "test", CAMDEN,
                purpose -> new ConsentAnswer(false, Optional.empty(), "no consent"));
        return gated.withheld().stream().collect(Collectors.toMap(FieldOutcome::field, outcome -> outcome.reason()
                .orElseThrow()));
    }

    private static JsonNode substanceMisuseUpdate(String extraBodyField) throws Exception {
        return new ObjectMapper().readTree("""
                {"recordId": "2f1c7a8e-0d4b-4d7e-9a51-6c3e2b1f0a99", "type": "pathway-update", "schemaVersion": 1,
                 "sender": "yoi-feltham", "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nomisNumber": "A1234BC", "name": {"given": "Ade", "family": "Example"}},
                 "body": {"pathway": "substance-misuse", "responsibleYot": "yot-camden",
                   "substances": ["cannabis"], "treatmentProvider": "Community drug service"%s}}
                """.formatted(extraBodyField));
    }

    @Test
    void aShareOnTheBodyWithholdsSpecialCategoryFieldsNamingWhy() throws Exception {
        Map<String, String> withheld = withheld(substanceMisuseUpdate(""), BODY_SHARED, 1);
        assertEquals("special-category data (health) goes only under a rule of its own, never under the rule on "
                + "/body", withheld.get("/body/treatmentProvider"));
        assertEquals("special-category data (health) goes only under a rule of its own, never under the rule on "
                + "/body", withheld.get("/body/substances/*"));
        assertTrue(!withheld.containsKey("/body/pathway") && !withheld.containsKey("/body/responsibleYot"),
                "ordinary fields under the container still go: " + withheld);
    }

    @Test
    void aRuleOfItsOwnSharesAProtectedField() throws Exception {
        FieldRuleSet rules = new FieldRuleSet(List.of(share("/subject/name"), share("/body"),
                share("/body/treatmentProvider")));
        Map<String, String> withheld = withheld(substanceMisuseUpdate(""), rules, 1);
        assertTrue(!withheld.containsKey("/body/treatmentProvider"), withheld.toString());
        assertTrue(withheld.containsKey("/body/substances/*"), withheld.toString());
    }

    @Test
    void aFieldThePinnedSchemaVersionDoesNotNameIsWithheldUntilAnAgreementNamesIt() throws Exception {
        // A later schema version adds /body/peerMentor; the agreement was written against version 1.
        JsonNode later = substanceMisuseUpdate(", \"peerMentor\": \"Youth worker\"");
        assertEquals("not a field of the pathway-update schema version 1 that agreement london-resettlement-test "
                + "version 1 was written against; withheld until an agreement names it",
                withheld(later, BODY_SHARED, 1).get("/body/peerMentor"));

        FieldRuleSet naming = new FieldRuleSet(List.of(share("/body"), share("/body/peerMentor")));
        assertTrue(!withheld(later, naming, 1).containsKey("/body/peerMentor"));
    }

    @Test
    void aContainerCoversNothingWhenThePinnedVersionDoesNotExist() throws Exception {
        Map<String, String> withheld = withheld(substanceMisuseUpdate(""), BODY_SHARED, 7);
        assertEquals("not a field of the pathway-update schema version 7 that agreement london-resettlement-test "
                + "version 1 was written against; withheld until an agreement names it",
                withheld.get("/body/responsibleYot"));
    }

    /** The rules under test only share or withhold. */
    private static final class UnusedTransforms implements FieldTransforms {

        @Override
        public Optional<String> pseudonymise(String domain, String field, JsonNode value) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<JsonNode> generalise(JsonNode value, Generalisation how) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<String> encrypt(JsonNode value, Agency recipient, String recordId, String pointer) {
            throw new AssertionError("not used");
        }

        @Override
        public String recordId(String domain, String recordId) {
            throw new AssertionError("not used");
        }
    }
}

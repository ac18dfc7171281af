package io.throughgate.agreement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An agreement exported as a W3C ODRL 2.2 Agreement policy in JSON-LD, with DPV legal bases and purposes. */
class OdrlExportTest {

    private static final String FELTHAM = "urn:throughgate:agency:yoi-feltham";
    private static final String SUPERVISING_YOT = "urn:throughgate:field:release-notification#/body/supervisingYot";

    private final ObjectNode policy = new OdrlExport(AgreementFixtures.directory(), AgreementFixtures.purposes())
            .export(AgreementFixtures.agreement());

    @Test
    void declaresTheOdrlContextWithDpvAndThroughgatePrefixes() {
        JsonNode context = policy.get("@context");
        assertEquals("http://www.w3.org/ns/odrl.jsonld", context.get(0).asText());
        assertEquals("https://w3id.org/dpv#", context.get(1).get("dpv").asText());
        assertEquals("https://w3id.org/dpv/legal/eu/gdpr#", context.get(1).get("dpv-gdpr").asText());
        assertEquals("urn:throughgate:vocab:", context.get(1).get("tg").asText());
    }

    @Test
    void isAnAgreementIdentifiedByIdAndVersionUnderTheThroughgateProfile() {
        assertEquals("Agreement", policy.get("@type").asText());
        assertEquals("urn:throughgate:agreement:release-planning:3", policy.get("uid").asText());
        assertEquals("urn:throughgate:odrl-profile:1", policy.get("profile").asText());
        assertEquals("Release planning between establishments and boroughs", policy.get("dct:title").asText());
    }

    @Test
    void prohibitsWhateverItDoesNotPermit() {
        assertEquals("prohibit", policy.get("conflict").asText());
        assertTrue(policy.get("rdfs:comment").asText().startsWith("Anything this agreement does not permit is "
                + "prohibited"));
    }

    @Test
    void namesEveryPartyInForceDuringTheAgreementAsAssignerAndAssignee() {
        List<String> assigners = texts(policy.get("assigner"));
        assertEquals(32 + 4 + 2, assigners.size()); // 32 YOTs, 4 YOIs in force (not Cookham Wood), MOPAC, YCS
        assertTrue(assigners.containsAll(List.of("urn:throughgate:agency:yot-camden", FELTHAM,
                "urn:throughgate:agency:eval-mopac", "urn:throughgate:agency:ycs-placements")));
        assertFalse(assigners.contains("urn:throughgate:agency:yoi-cookham-wood"));
        assertEquals(assigners, texts(policy.get("assignee")));
    }

    @Test
    void statesTheLegalBasesInDpvAndScheduleOneInLocalTerms() {
        assertEquals(List.of("dpv-gdpr:A6-1-e", "dpv-gdpr:A9-2-g", "dpv-gdpr:A9-2-h",
                "tg:schedule1-para-6-statutory-purposes", "tg:schedule1-para-18-safeguarding"),
                ids(policy.get("dpv:hasLegalBasis")));
        assertEquals(List.of("Crime and Disorder Act 1998 s115"), texts(policy.get("tg:statutoryGateway")));
    }

    @Test
    void typesEachPurposeWithItsDpvTerm() {
        JsonNode purposes = policy.get("dpv:hasPurpose");
        assertEquals(List.of("urn:throughgate:purpose:direct-care-resettlement", "urn:throughgate:purpose:evaluation"),
                ids(purposes));
        assertEquals("dpv:ServiceProvision", purposes.get(0).get("@type").asText());
        assertEquals("dpv:ResearchAndDevelopment", purposes.get(1).get("@type").asText());
    }

    @Test
    void hasOnePermissionPerFlowRecordTypeReleasingRuleAndRecipient() {
        // Direct care: 6 rules that let a field go, to 2 recipients; evaluation: 2 rules to 1 recipient.
        assertEquals(6 * 2 + 2, policy.get("permission").size());
    }

    @Test
    void permitsDistributingASharedFieldForTheFlowsPurposeFromItsSenders() {
        JsonNode permission = rule("permission", "/subject/nhsNumber", "urn:throughgate:agency:ycs-placements");
        assertEquals("distribute", permission.get("action").asText());
        assertEquals("release-to-supervising-yot", permission.get("tg:flow").asText());
        assertEquals(List.of(FELTHAM, "urn:throughgate:agency:yoi-parc", "urn:throughgate:agency:yoi-werrington",
                "urn:throughgate:agency:yoi-wetherby"), texts(permission.get("assigner")));
        JsonNode constraint = permission.get("constraint").get(0);
        assertEquals("purpose", constraint.get("leftOperand").asText());
        assertEquals("eq", constraint.get("operator").asText());
        assertEquals("dpv:ServiceProvision", constraint.get("rightOperand").get("@id").asText());
        assertFalse(permission.has("duty"));
    }

    @Test
    void describesARoutingFieldRecipient() {
        JsonNode assignee = policy.get("permission").get(0).get("assignee");
        assertEquals("tg:RoutingField", assignee.get("@type").asText());
        assertEquals("/body/supervisingYot", assignee.get("tg:field").asText());
        assertEquals(List.of("yot"), texts(assignee.get("tg:allowedKind")));
    }

    @Test
    void asksForConsentBeforeAFieldThatNeedsIt() {
        JsonNode duties = rule("permission", "/body/appointmentsBooked/*/with", "urn:throughgate:agency:ycs-placements")
                .get("duty");
        assertEquals("obtainConsent", duties.get(0).get("action").asText());
        JsonNode constraint = duties.get(0).get("constraint").get(0);
        assertEquals("purpose", constraint.get("leftOperand").asText());
        assertEquals("urn:throughgate:purpose:health-information-sharing",
                constraint.get("rightOperand").get("@id").asText());
    }

    @ParameterizedTest
    @CsvSource({"/body/appointmentsBooked/*/with, urn:throughgate:agency:ycs-placements, tg:encrypt, dpv:Encryption",
            "/body/releaseAddress/postcode, urn:throughgate:agency:ycs-placements, tg:generalise, tg:Generalisation",
            "/subject/nhsNumber, urn:throughgate:agency:eval-mopac, tg:pseudonymise, dpv:Pseudonymisation"})
    void makesTheTransformationADutyWithItsTechnicalMeasure(String field, String recipient, String action,
            String measure) {
        JsonNode duties = rule("permission", field, recipient).get("duty");
        JsonNode duty = duties.get(duties.size() - 1);
        assertEquals(action, duty.get("action").asText());
        assertEquals(measure, duty.get("dpv:hasTechnicalMeasure").get("@id").asText());
    }

    @Test
    void namesTheGeneralisationOfAGeneraliseDuty() {
        JsonNode duty = rule("permission", "/subject/dateOfBirth", "urn:throughgate:agency:eval-mopac").get("duty")
                .get(0);
        assertEquals("year-month", duty.get("tg:generalisation").asText());
    }

    @Test
    void prohibitsAWithheldFieldWithTheAgreementsReason() {
        JsonNode prohibition = rule("prohibition", "/subject/pncId", "urn:throughgate:agency:ycs-placements");
        assertEquals("distribute", prohibition.get("action").asText());
        assertEquals("the YOT holds it already", prohibition.get("tg:reason").asText());
    }

    @Test
    void neverPermitsAWithheldField() {
        assertEquals(2, policy.get("prohibition").size()); // one withheld field, two recipients
        assertTrue(stream(policy.get("permission")).noneMatch(p -> p.get("target").asText().endsWith("/pncId")));
    }

    @Test
    void targetsFieldsByRecordTypeAndJsonPointer() {
        assertTrue(stream(policy.get("permission")).anyMatch(p -> p.get("target").asText()
                .equals("urn:throughgate:field:release-notification#/body/releaseAddress")));
        assertTrue(stream(policy.get("permission")).noneMatch(p -> p.get("target").asText().equals(SUPERVISING_YOT)));
    }

    private JsonNode rule(String kind, String field, String assignee) {
        String target = "urn:throughgate:field:release-notification#" + field;
        return stream(policy.get(kind)).filter(node -> node.get("target").asText().equals(target)
                && node.get("assignee").asText().equals(assignee)).findFirst().orElseThrow();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    private static List<String> ids(JsonNode array) {
        return stream(array).map(node -> node.get("@id").asText()).toList();
    }
}

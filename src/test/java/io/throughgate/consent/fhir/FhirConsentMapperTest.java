package io.throughgate.consent.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.purpose.Purpose;

/** A consent decision as an HL7 FHIR R4 Consent resource. */
class FhirConsentMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final String IRCP = """
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP",
                         "display": "information recipient"}]}""";

    private final FhirConsentMapper mapper = new FhirConsentMapper();

    @Test
    void mapsEveryElementOfARealisticDecision() throws JsonProcessingException {
        String expected = """
                {"resourceType": "Consent",
                 "id": "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5",
                 "status": "active",
                 "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                                       "code": "patient-privacy", "display": "Privacy Consent"}]},
                 "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0",
                                           "display": "Patient Consent"}]}],
                 "patient": {"identifier": {"system": "urn:throughgate:subject-pseudonym", "value": "%s"}},
                 "dateTime": "2026-05-14T10:41:27.318+01:00",
                 "performer": [{"display": "the child"}],
                 "organization": [{"identifier": {"system": "urn:throughgate:agency", "value": "yoi-feltham"}}],
                 "sourceReference": {"identifier": {"system": "urn:throughgate:evidence",
                                                    "value": "FEL-HC-2026-0412"}},
                 "policy": [{"uri": "urn:throughgate:purpose:health-information-sharing"}],
                 "verification": [{"verified": true,
                                   "verifiedWith": {"display": "Gillick competence assessment by %s"},
                                   "verificationDate": "2026-05-12"}],
                 "provision": {
                   "type": "permit",
                   "period": {"start": "2026-05-14", "end": "2027-05-13"},
                   "actor": [
                     {"role": %s, "reference": {"identifier": {"system": "urn:throughgate:agency",
                                                               "value": "health-icb-north-central-london"}}},
                     {"role": %s, "reference": {"identifier": {"system": "urn:throughgate:agency",
                                                               "value": "health-nhse-health-justice"}}},
                     {"role": %s, "reference": {"display": "every Youth Offending Team"}}],
                   "purpose": [{"system": "urn:throughgate:purpose", "code": "health-information-sharing",
                                "display": "%s"}],
                   "class": [{"system": "urn:throughgate:record-type", "code": "health-summary"}]}}
                """.formatted(ConsentFixtures.NHS_PSEUDONYM, "CAMHS practitioner, HMYOI Feltham health team", IRCP,
                IRCP, IRCP, "Sharing clinical detail between custody and community clinicians for the child's care");
        assertEquals(JSON.readTree(expected), map(ConsentFixtures.decision()));
    }

    @Test
    void isAStructurallyValidR4Consent() {
        assertEquals(List.of(), R4ConsentStructure.problems(map(ConsentFixtures.decision())));
        assertEquals("application/fhir+json", FhirConsentMapper.MEDIA_TYPE);
    }

    @Test
    void namesTheChildOnlyByTheFirstSubjectPseudonym() {
        ObjectNode consent = map(ConsentFixtures.decision());
        String pseudonym = consent.path("patient").path("identifier").path("value").asText();
        assertEquals(ConsentFixtures.NHS_PSEUDONYM, pseudonym);
        assertTrue(pseudonym.matches("k2026a\\.[A-Za-z0-9_-]{43}"), pseudonym);
        String text = consent.toString();
        assertFalse(text.contains(ConsentFixtures.NHS_NUMBER));
        assertFalse(text.contains("943 476 5919"));
        assertFalse(text.contains(ConsentFixtures.NOMIS_NUMBER));
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({"2026-05-01, active", "2026-05-14, active", "2027-05-13, active", "2027-05-14, inactive"})
    void isActiveUntilItsLastDayHasPassed(LocalDate today, String status) {
        assertEquals(status, mapper.map(ConsentFixtures.decision(), ConsentFixtures.HEALTH, today).path("status")
                .asText());
    }

    @ParameterizedTest(name = "withdrawn {0}: period ends {1}")
    @CsvSource({"2026-09-01T13:05:00Z, 2026-09-01T14:05:00+01:00", "2026-12-01T09:00:00.250Z, 2026-12-01T09:00:00.25Z",
            "2026-05-13T22:59:59Z, 2027-05-13", "2026-05-13T23:00:00Z, 2026-05-14T00:00:00+01:00",
            "2027-05-13T22:59:59.999Z, 2027-05-13T23:59:59.999+01:00", "2027-05-13T23:00:00Z, 2027-05-13"})
    void aWithdrawalMakesItInactiveAndEndsItsPeriodWhenWithinIt(Instant withdrawnAt, String end) {
        ConsentDecision withdrawn = ConsentFixtures.decision().withdrawn(new ConsentDecision.Withdrawal(withdrawnAt,
                "yoi-feltham", "FEL-HC-2026-0519"));
        ObjectNode consent = map(withdrawn);
        assertEquals("inactive", consent.path("status").asText());
        assertEquals("2026-05-14", consent.path("provision").path("period").path("start").asText());
        assertEquals(end, consent.path("provision").path("period").path("end").asText());
        assertEquals(List.of(), R4ConsentStructure.problems(consent));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"child|Amira|the child",
            "parental-responsibility|mother|person with parental responsibility (mother)",
            "parental-responsibility||person with parental responsibility",
            "local-authority|London Borough of Camden children's services|local authority (London Borough of Camden "
                    + "children's services)"})
    void describesWhoDecidedWithoutEverDescribingTheChild(String role, String description, String display) {
        Decider decider = new Decider(DeciderRole.fromCode(role).orElseThrow(), Optional.ofNullable(description),
                Optional.empty());
        ObjectNode consent = map(ConsentFixtures.decidedBy(decider));
        assertEquals(JSON.createArrayNode().add(JSON.createObjectNode().put("display", display)), consent.get(
                "performer"));
        assertFalse(consent.has("verification"));
        assertEquals(List.of(), R4ConsentStructure.problems(consent));
    }

    @Test
    void carriesAnAssessmentOfNotCompetentAsUnverified() {
        Decider parent = new Decider(DeciderRole.PARENTAL_RESPONSIBILITY, Optional.of("father"), Optional.of(
                new CompetenceAssessment("YOT nurse, Lambeth", LocalDate.of(2026, 4, 30), false)));
        JsonNode verification = map(ConsentFixtures.decidedBy(parent)).path("verification").get(0);
        assertFalse(verification.path("verified").asBoolean(true));
        assertEquals("2026-04-30", verification.path("verificationDate").asText());
    }

    @Test
    void anUnlimitedOpenEndedRefusalHasNoActorClassOrEnd() {
        ConsentDecision deny = ConsentFixtures.scoped(new ConsentScope(Set.of(), Set.of(), Set.of()), Provision.DENY,
                Optional.empty());
        JsonNode provision = map(deny).path("provision");
        assertEquals("deny", provision.path("type").asText());
        assertEquals(JSON.createObjectNode().put("start", "2026-05-14"), provision.get("period"));
        assertFalse(provision.has("actor"));
        assertFalse(provision.has("class"));
        assertEquals(List.of(), R4ConsentStructure.problems(map(deny)));
    }

    @Test
    void refusesAPurposeThatIsNotTheDecisions() {
        Purpose evaluation = new Purpose("evaluation", "Evaluation", "dpv:ResearchAndDevelopment", true);
        ConsentDecision health = ConsentFixtures.decision();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mapper.map(health,
                evaluation, TODAY));
        assertEquals("purpose evaluation is not the decision's purpose, health-information-sharing", e.getMessage());
    }

    private ObjectNode map(ConsentDecision decision) {
        return mapper.map(decision, ConsentFixtures.HEALTH, TODAY);
    }
}

package io.throughgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;

import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.testing.TestClients;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/** Health partners read a decision as HL7 FHIR R4 Consent, which HAPI's strict R4 parser accepts. */
@QuarkusTest
class ConsentFhirEndpointTest {

    @Test
    void servesAStrictlyValidR4ConsentThatNamesNoIdentifier() {
        String request = """
                {"subject": {"nhsNumber": "9991590838", "dateOfBirth": "%s"},
                 "purpose": "health-information-sharing",
                 "scope": {"recipients": ["health-nhse-health-justice"]},
                 "decision": "permit", "validFrom": "%s",
                 "decidedBy": {"role": "child", "competenceAssessment": {"assessedBy": "Healthcare lead, Feltham",
                   "assessedOn": "%s", "outcome": "competent"}},
                 "evidenceReference": "FELTHAM-HC/CONSENT/2026/0007"}
                """.formatted(LocalDate.now().minusYears(14).minusDays(3), LocalDate.now(), LocalDate.now());
        String id = TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(request)
                .when().post("/v1/consents").then().statusCode(201).extract().path("id");

        String json = TestClients.as("yoi-feltham").accept("application/fhir+json")
                .when().get("/v1/consents/" + id)
                .then().statusCode(200).contentType("application/fhir+json")
                .extract().asString();

        IParser strict = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Consent consent = strict.parseResource(Consent.class, json);
        assertEquals(Consent.ConsentState.ACTIVE, consent.getStatus());
        assertEquals(Consent.ConsentProvisionType.PERMIT, consent.getProvision().getType());
        assertEquals("urn:throughgate:purpose:health-information-sharing", consent.getPolicyFirstRep().getUri());
        assertFalse(json.contains("9991590838"), "the FHIR resource names the child by pseudonym only");
    }
}

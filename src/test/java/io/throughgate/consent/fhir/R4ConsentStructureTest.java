package io.throughgate.consent.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The structural R4 check catches what it claims to, so that its silence on the mapper's output means something. */
class R4ConsentStructureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sets (or, with no value, removes) one element of a valid Consent, and the problem that must follow. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "/status||Consent.status is required",
            "/status|\"withdrawn\"|Consent.status must be one of",
            "/scope||Consent.scope is required",
            "/category|[]|Consent.category must not be an empty array",
            "/category||Consent.category is required",
            "/policy||ppc-1: Either a Policy or PolicyRule",
            "/patient||ppc-2: IF Scope=privacy, there must be a patient",
            "/performer|{\"display\": \"the child\"}|Consent.performer must be an array",
            "/patient|[{\"display\": \"the child\"}]|Consent.patient must not be an array",
            "/patient/display|\"\"|Consent.patient.display is not a valid string",
            "/patient/identifier|{}|Consent.patient.identifier must be a non-empty object",
            "/consentor|\"mother\"|Consent.consentor is not an element of Consent",
            "/provision/purpose/0/label|\"x\"|Consent.provision.purpose[0].label is not an element of Coding",
            "/provision/actor/0/role||Consent.provision.actor[0].role is required",
            "/provision/type|\"allow\"|Consent.provision.type must be one of",
            "/provision/period/start|\"2026-5-14\"|Consent.provision.period.start is not a valid dateTime",
            "/provision/period/end|\"2027-05-13T10:00\"|Consent.provision.period.end is not a valid dateTime",
            "/provision/period/end|\"2025-05-13\"|per-1: Consent.provision.period start SHALL have a lower value",
            "/dateTime|\"2026-05-14T09:41:27\"|Consent.dateTime is not a valid dateTime",
            "/dateTime|\"2026-05-14T09:41:27+15:00\"|Consent.dateTime is not a valid dateTime",
            "/verification/0/verified|\"yes\"|Consent.verification[0].verified must be true or false",
            "/verification/0/verificationDate|\"12/05/2026\"|Consent.verification[0].verificationDate is not a valid",
            "/id|\"decision 1\"|Consent.id is not a valid id",
            "/resourceType|\"Contract\"|Consent.resourceType must be Consent"})
    void reportsABrokenElement(String pointer, String value, String problem) throws JsonProcessingException {
        ObjectNode consent = valid();
        JsonPointer at = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) consent.at(at.head());
        if (value == null) {
            parent.remove(at.last().getMatchingProperty());
        } else {
            parent.set(at.last().getMatchingProperty(), JSON.readTree(value));
        }
        List<String> problems = R4ConsentStructure.problems(consent);
        assertTrue(problems.stream().anyMatch(found -> found.startsWith(problem)), problems.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026", "2026-05", "2026-05-14", "2026-05-14T09:41:27Z", "2026-05-14T10:41:27.5+01:00",
            "2026-05-14T09:41:27-14:00"})
    void acceptsEveryPrecisionOfDateTime(String dateTime) {
        ObjectNode consent = valid();
        consent.put("dateTime", dateTime);
        assertEquals(List.of(), R4ConsentStructure.problems(consent));
    }

    private static ObjectNode valid() {
        return new FhirConsentMapper().map(ConsentFixtures.decision(), ConsentFixtures.HEALTH, LocalDate.of(2026, 5,
                20));
    }
}

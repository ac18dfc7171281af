package io.throughgate.record.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.throughgate.record.RecordType;

class SchemaFieldsTest {

    private static final RecordSchemas SCHEMAS = Samples.SCHEMAS;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "RELEASE_NOTIFICATION, /body/appointmentsBooked/*/date",
            "RELEASE_NOTIFICATION, /body/appointmentsBooked/0/date",
            "RELEASE_NOTIFICATION, /body/appointmentsBooked/*",
            "RELEASE_NOTIFICATION, /body/appointmentsBooked",
            "RELEASE_NOTIFICATION, /body/releaseAddress/postcode",
            "RELEASE_NOTIFICATION, /body/licenceConditions",
            "RELEASE_NOTIFICATION, /body/licenceConditions/*",
            "RELEASE_NOTIFICATION, /subject/name",
            "RELEASE_NOTIFICATION, /subject/name/preferredName",
            "RELEASE_NOTIFICATION, /subject/localCaseId/agency",
            "RELEASE_NOTIFICATION, /body",
            "PATHWAY_UPDATE, /body/pathway",
            "PATHWAY_UPDATE, /body/status",
            "PATHWAY_UPDATE, /body/hoursOffered",
            "PATHWAY_UPDATE, /body/debts/*/amountPence",
            "PATHWAY_UPDATE, /body/caseManager/email",
            "PLANNING_MEETING, /body/actions/*/owner",
            "HEALTH_SUMMARY, /body/selfHarmRisk/level",
            "TRANSITION_TO_ADULT_SERVICES, /body/handoverMeeting/attendees"})
    void findsFieldsThroughPropertiesItemsRefsAndBranches(RecordType type, String pointer) {
        assertTrue(SCHEMAS.hasField(type, pointer));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "RELEASE_NOTIFICATION, /body/appointmentsBooked/*/room",
            "RELEASE_NOTIFICATION, /body/hoursOffered",
            "RELEASE_NOTIFICATION, /body/releaseAddress/country",
            "RELEASE_NOTIFICATION, /subject/name/middle",
            "RELEASE_NOTIFICATION, /body/appointmentsBooked/date",
            "RELEASE_NOTIFICATION, /body/appointmentsBooked/first/date",
            "RELEASE_NOTIFICATION, body/releaseDate",
            "RELEASE_NOTIFICATION, /body/releaseDate/",
            "RELEASE_NOTIFICATION, /",
            "PATHWAY_UPDATE, /body/releaseDate",
            "TRANSFER, /body/pathway"})
    void doesNotFindFieldsTheSchemaLacks(RecordType type, String pointer) {
        assertFalse(SCHEMAS.hasField(type, pointer));
    }

    @Test
    void doesNotTreatTheWholeRecordAsAField() {
        assertFalse(SCHEMAS.hasField(RecordType.TRANSFER, ""));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyTypeHasTheEnvelopeAndTheSubjectsIdentifiers(RecordType type) {
        for (String pointer : List.of("/recordId", "/type", "/schemaVersion", "/sender", "/occurredAt",
                "/subject/nhsNumber", "/subject/pncId", "/subject/croNumber", "/subject/upn", "/subject/nomisNumber",
                "/subject/probationCrn", "/subject/dateOfBirth", "/body")) {
            assertTrue(SCHEMAS.hasField(type, pointer), pointer);
        }
    }

    @Test
    void describesAFieldByItsPropertyDescriptionBeforeTheSharedDefinitions() {
        SchemaField nhsNumber = SCHEMAS.field(RecordType.TRANSFER, "/subject/nhsNumber").orElseThrow();
        assertEquals("The child's NHS number.", nhsNumber.description());
        assertEquals(Set.of("string"), nhsNumber.types());
        assertTrue(nhsNumber.leaf());
        SchemaField appointments = SCHEMAS.field(RecordType.RELEASE_NOTIFICATION, "/body/appointmentsBooked")
                .orElseThrow();
        assertEquals(Set.of("array"), appointments.types());
        assertFalse(appointments.leaf());
        assertEquals("The date and time of the appointment.",
                SCHEMAS.field(RecordType.RELEASE_NOTIFICATION, "/body/appointmentsBooked/3/date").orElseThrow()
                        .description());
    }

    @Test
    void listsEveryLeafOfTheReleaseNotificationInSchemaOrder() {
        assertEquals(List.of("/recordId", "/type", "/schemaVersion", "/sender", "/occurredAt", "/subject/nhsNumber",
                "/subject/pncId", "/subject/croNumber", "/subject/nomisNumber", "/subject/probationCrn",
                "/subject/upn", "/subject/localCaseId/agency", "/subject/localCaseId/id", "/subject/name/given",
                "/subject/name/family", "/subject/name/preferredName", "/subject/dateOfBirth", "/subject/gender",
                "/subject/ethnicity", "/subject/lookedAfter", "/subject/responsibleLocalAuthority",
                "/body/establishment", "/body/supervisingYot", "/body/releaseDate", "/body/releaseType",
                "/body/releaseAddress/lines", "/body/releaseAddress/town", "/body/releaseAddress/postcode",
                "/body/addressConfirmedOn", "/body/gateCollection/name", "/body/gateCollection/relationship",
                "/body/gateCollection/phone", "/body/licenceConditions", "/body/noticeOfSupervisionConditions",
                "/body/appointmentsBooked/*/pathway", "/body/appointmentsBooked/*/date",
                "/body/appointmentsBooked/*/with", "/body/appointmentsBooked/*/location"),
                SCHEMAS.leafFields(RecordType.RELEASE_NOTIFICATION));
    }

    @Test
    void listsTheFieldsOfEveryPathwayOnceForPathwayUpdates() {
        List<String> leaves = SCHEMAS.leafFields(RecordType.PATHWAY_UPDATE);
        assertEquals(leaves.size(), Set.copyOf(leaves).size(), "no duplicates");
        assertTrue(leaves.containsAll(List.of("/body/pathway", "/body/responsibleYot", "/body/caseManager/name",
                "/body/status", "/body/address/postcode", "/body/hoursOffered", "/body/camhsReferral",
                "/body/medication/*/name", "/body/substances", "/body/contactArrangements",
                "/body/debts/*/creditor")));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyLeafIsAFieldAndNoLeafIsAnObjectWithFieldsOrAnArrayItem(RecordType type) {
        for (String leaf : SCHEMAS.leafFields(type)) {
            assertTrue(SCHEMAS.field(type, leaf).orElseThrow().leaf(), leaf);
            assertFalse(leaf.endsWith("/*"), leaf);
            assertFalse(SCHEMAS.field(type, leaf).orElseThrow().description().isEmpty(), leaf + " has a description");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/subject/name", "/body/releaseAddress", "/body/gateCollection",
            "/body/appointmentsBooked/*"})
    void objectsWithFieldsAreNotLeaves(String pointer) {
        assertFalse(SCHEMAS.field(RecordType.RELEASE_NOTIFICATION, pointer).orElseThrow().leaf());
    }
}

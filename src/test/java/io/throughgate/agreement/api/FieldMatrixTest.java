package io.throughgate.agreement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The field matrix shows, for every recipient, what happens to every field of every record type. */
class FieldMatrixTest {

    private final MatrixView matrix = new FieldMatrix(AgreementFixtures.fields()).of(AgreementFixtures.agreement());

    @Test
    void hasOneEntryPerFlowRecordTypeAndRecipientRule() {
        assertEquals(
                List.of("release-to-supervising-yot release-notification agency named at /body/supervisingYot (yot)",
                        "release-to-supervising-yot release-notification ycs-placements",
                        "release-to-evaluation release-notification eval-mopac"),
                matrix.entries().stream().map(entry -> entry.flow() + " " + entry.recordType() + " "
                        + entry.recipient()).toList());
    }

    @Test
    void namesTheAgreementAndTheFlowsPurposeAndSenders() {
        MatrixView.Entry entry = matrix.entries().get(0);
        assertEquals("release-planning", matrix.agreement());
        assertEquals(3, matrix.version());
        assertEquals("direct-care-resettlement", entry.purpose());
        assertEquals(new SelectorView(List.of("yoi"), List.of()), entry.senders());
    }

    @Test
    void listsEveryLeafFieldOnceWithTheEnvelopeMetadataFirst() {
        List<String> fields = matrix.entries().get(0).fields().stream().map(FieldRuleView::field).toList();
        assertEquals(List.of("/recordId", "/type", "/schemaVersion", "/sender", "/occurredAt", "/subject/nhsNumber",
                "/subject/pncId", "/subject/dateOfBirth", "/body/releaseDate", "/body/releaseAddress/lines/*",
                "/body/releaseAddress/town", "/body/releaseAddress/postcode", "/body/supervisingYot",
                "/body/appointmentsBooked/*/pathway", "/body/appointmentsBooked/*/date",
                "/body/appointmentsBooked/*/with"), fields);
    }

    @Test
    void sharesTheEnvelopeMetadataAsSuch() {
        FieldRuleView recordId = field(0, "/recordId");
        assertEquals("share", recordId.action());
        assertEquals("envelope metadata", recordId.reason());
    }

    @Test
    void withholdsAFieldTheAgreementDoesNotName() {
        FieldRuleView yot = field(0, "/body/supervisingYot");
        assertEquals("withhold", yot.action());
        assertEquals("not named in the agreement", yot.reason());
    }

    @Test
    void appliesARuleOnAnObjectToTheFieldsBeneathIt() {
        assertEquals("share", field(0, "/body/releaseAddress/town").action());
        assertEquals("share", field(0, "/body/releaseAddress/lines/*").action());
    }

    @Test
    void letsTheMostSpecificRuleWin() {
        FieldRuleView postcode = field(0, "/body/releaseAddress/postcode");
        assertEquals("generalise", postcode.action());
        assertEquals("postcode-district", postcode.generalisation());
    }

    @Test
    void showsTheConsentPurposeAndReasonOfARule() {
        assertEquals("health-information-sharing", field(0, "/body/appointmentsBooked/*/with").consentPurpose());
        assertEquals("the YOT holds it already", field(0, "/subject/pncId").reason());
        assertEquals("pseudonymise (consent: evaluation)", field(2, "/subject/nhsNumber").rule());
    }

    @Test
    void listsTheFieldsTheRulesNameWhenTheRecordTypeHasNoSchema() {
        String unknownType = AgreementFixtures.AGREEMENT.replace("recordTypes: [release-notification]\n"
                + "    from: {kinds: [yoi]}\n    to:\n      - agency: eval-mopac",
                "recordTypes: [release-summary]\n    from: {kinds: [yoi]}\n    to:\n      - agency: eval-mopac");
        MatrixView.Entry entry = new FieldMatrix(AgreementFixtures.fields()).of(AgreementFixtures.parse(unknownType))
                .entries().get(2);
        assertEquals("release-summary", entry.recordType());
        assertEquals(List.of("/recordId", "/type", "/schemaVersion", "/sender", "/occurredAt", "/subject/nhsNumber",
                "/subject/dateOfBirth"), entry.fields().stream().map(FieldRuleView::field).toList());
    }

    private FieldRuleView field(int entry, String pointer) {
        Map<String, FieldRuleView> byField = matrix.entries().get(entry).fields().stream()
                .collect(Collectors.toMap(FieldRuleView::field, Function.identity()));
        return byField.get(pointer);
    }
}

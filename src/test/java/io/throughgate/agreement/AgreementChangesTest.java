package io.throughgate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.throughgate.agreement.AgreementChanges.Change;
import io.throughgate.agreement.AgreementChanges.Kind;
import io.throughgate.contract.ContractFiles;
import io.throughgate.record.schema.RecordSchemas;

/**
 * A draft of the direct-care agreement compared, rule by rule, with the version in force: each change the draft
 * makes is listed once, and nothing else is.
 */
class AgreementChangesTest {

    private static final String FILE = "agreements/london-resettlement-direct-care/v4/agreement.yaml";
    private static final RecordFieldCatalog CATALOG = new SchemaFieldCatalog(RecordSchemas.load(new ContractFiles(Path
            .of("contracts"))));
    private static final String IN_FORCE = read();

    /** The YCS Placements flow's rules begin so; a draft adds a rule after this line. */
    private static final String YCS_RULES = "      /subject/nomisNumber: share\n      /subject/dateOfBirth: "
            + "generalise:year-month\n";

    private static String read() {
        try {
            return Files.readString(Path.of("contracts/agreements/london-resettlement-direct-care/v3/agreement.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AgreementChanges.Comparison compare(String draftText) {
        Agreement inForce = AgreementParser.parse("v3", IN_FORCE.getBytes(StandardCharsets.UTF_8)).agreement()
                .orElseThrow();
        AgreementParser.Parsed draft = AgreementParser.parse(FILE, draftText.replace("version: 3", "version: 4")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), draft.problems());
        return new AgreementChanges(CATALOG).compare(Optional.of(inForce), draft.agreement().orElseThrow(), FILE,
                draft);
    }

    private static String withRuleForYcs(String rule) {
        assertTrue(IN_FORCE.contains(YCS_RULES));
        return IN_FORCE.replace(YCS_RULES, YCS_RULES + "      " + rule + "\n");
    }

    private static Change field(Kind kind, String flow, String field, String before, String after) {
        return new Change(kind, Optional.of(flow), Optional.of("release-notification"), Optional.empty(), Optional.of(
                field), Optional.ofNullable(before), Optional.ofNullable(after));
    }

    @Test
    void anAddedFieldIsNewlyReleasedToThatFlowOnly() {
        AgreementChanges.Comparison comparison = compare(withRuleForYcs("/subject/gender: share"));

        assertEquals(List.of(field(Kind.FIELD_RELEASED, "release-to-ycs-placements", "/subject/gender", null,
                "share")), comparison.changes());
        assertEquals(List.of(), comparison.refusals());
    }

    @Test
    void aSharedFieldThatIsGeneralisedChangesForm() {
        String draft = IN_FORCE.replace("      /body/releaseAddress/postcode: generalise:postcode-district\n",
                "      /body/releaseAddress/postcode: share\n");

        assertEquals(
                List.of(field(Kind.FIELD_FORM_CHANGED, "release-to-ycs-placements", "/body/releaseAddress/postcode",
                        "generalise:postcode-district", "share")),
                compare(draft).changes());
    }

    @Test
    void aRuleThatAsksConsentNeedsItAndDroppingItIsAWidening() {
        String draft = withRuleForYcs("/subject/gender: {action: share, consent: evaluation}");

        assertEquals(List.of(field(Kind.FIELD_RELEASED, "release-to-ycs-placements", "/subject/gender", null,
                "share"),
                field(Kind.CONSENT_NEEDED, "release-to-ycs-placements", "/subject/gender", null,
                        "evaluation")),
                compare(draft).changes());
    }

    @Test
    void aRemovedRecipientIsLost() {
        String recipient = "      - field: /body/responsibleYot\n        kinds: [yot]\n    purpose: direct-care-resettlement\n"
                + "    fields:\n      /subject/name: share\n      /subject/dateOfBirth: share\n      /subject/nomisNumber: "
                + "share\n      /subject/pncId: share\n      /subject/localCaseId: share\n      /subject/nhsNumber: "
                + "pseudonymise\n      /body: share\n\n  # Release";
        assertTrue(IN_FORCE.contains(recipient));
        String draft = IN_FORCE.replace(recipient, recipient.substring(recipient.indexOf("    purpose:")));

        assertEquals(List.of(new Change(Kind.RECIPIENT_LOST, Optional.of("transfer-to-receiving-establishment-and-yot"),
                Optional.empty(), Optional.of("agency named at /body/responsibleYot (yot)"), Optional.empty(),
                Optional.empty(), Optional.empty())), compare(draft).changes());
    }

    @Test
    void wideningCriminalOffenceDataWithoutNamingItsConditionIsRefusedWithItsLine() {
        String draft = withRuleForYcs("/body/licenceConditions: share");
        AgreementChanges.Comparison comparison = compare(draft);

        assertTrue(comparison.changes().stream().allMatch(change -> change.kind() == Kind.FIELD_RELEASED && change
                .field().orElseThrow().startsWith("/body/licenceConditions")), comparison.changes().toString());
        assertTrue(!comparison.refusals().isEmpty());
        int line = (int) draft.substring(0, draft.indexOf(YCS_RULES) + YCS_RULES.length()).lines().count() + 1;
        assertEquals(FILE + ":" + line + ", flow release-to-ycs-placements, field /body/licenceConditions: the draft "
                + "widens the sharing of /body/licenceConditions of release-notification, which is criminal offence "
                + "data, without naming the condition it rests on; give the rule of /body/licenceConditions basis: "
                + "{schedule1: [<condition>]}", comparison.refusals().get(0).toString());
    }

    @Test
    void wideningCriminalOffenceDataWithItsConditionNamedIsAccepted() {
        String draft = withRuleForYcs("/body/licenceConditions: {action: share, basis: {schedule1: "
                + "[para-18-safeguarding]}}");

        assertEquals(List.of(), compare(draft).refusals());
    }
}

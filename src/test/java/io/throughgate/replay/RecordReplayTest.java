package io.throughgate.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementChanges.Kind;
import io.throughgate.agreement.AgreementParser;
import io.throughgate.agreement.AgreementParties;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.agreement.SchemaFieldCatalog;
import io.throughgate.config.ClockProducer;
import io.throughgate.consent.ConsentCheck;
import io.throughgate.consent.ConsentView;
import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.record.schema.RecordSchemas;
import io.throughgate.sharinglog.SharingLogEvent;

/** One record's sharing-log entries replayed under a draft of the direct-care agreement, without a hub. */
class RecordReplayTest {

    private static final ContractFiles CONTRACTS = new ContractFiles(Path.of("contracts"));
    private static final RecordFieldCatalog CATALOG = new SchemaFieldCatalog(RecordSchemas.load(CONTRACTS));
    private static final AgencyDirectory DIRECTORY = AgencyDirectoryLoader.parse(CONTRACTS.read(
            AgencyDirectoryLoader.FILE));
    private static final String IN_FORCE = read();

    private static String read() {
        try {
            return Files.readString(Path.of("contracts/agreements/london-resettlement-direct-care/v3/agreement.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ReplayTally replay(String draftText, List<SharingLogEvent> entries) {
        Agreement draft = AgreementParser.parse("draft.yaml", draftText.getBytes(StandardCharsets.UTF_8)).agreement()
                .orElseThrow();
        Agreement inForce = AgreementParser.parse("v3", IN_FORCE.getBytes(StandardCharsets.UTF_8)).agreement()
                .orElseThrow();
        AgreementState state = new AgreementState(draft.id(), draft.version(), "draft.yaml", Optional.of(draft),
                List.of(), AgreementParties.of(draft, DIRECTORY), List.of(), "", Optional.empty());
        ReplayTally tally = new ReplayTally();
        new RecordReplay(state, CATALOG, DIRECTORY, new ConsentCheck(new ConsentView()), ClockProducer.LONDON,
                version -> version == 3 ? Optional.of(inForce) : Optional.empty()).replay(entries, tally);
        return tally;
    }

    private static SharingLogEvent entry(String recordId, String type, String sender, String recipient, String flow,
            String routedBy, List<SharingLogEvent.Field> fields) {
        return new SharingLogEvent(UUID.randomUUID().toString(), "delivered", recordId, type, sender, recipient, "k",
                "london-resettlement-direct-care", 3, "", "direct-care-resettlement", null, List.of(), fields, List.of(
                        "p1"),
                "2026-12-04T10:00:00Z", Instant.parse("2026-12-04T10:00:01Z"), null, null, null, null,
                flow, routedBy);
    }

    @Test
    void theDigestTheHubSendsThePartnershipIsNotLostUnderAnUnchangedDraft() {
        String id = UUID.randomUUID().toString();
        SharingLogEvent digest = entry(id, "timeliness-digest", "partnership-london-resettlement",
                "partnership-london-resettlement", "timeliness-digest", null, List.of(new SharingLogEvent.Field(
                        "/body/day", "share", null, null)));

        ReplayTally tally = replay(IN_FORCE.replace("version: 3", "version: 4"), List.of(digest));

        assertEquals(List.of(), tally.kinds());
    }

    private static final List<SharingLogEvent.Field> RELEASE_FIELDS = List.of(new SharingLogEvent.Field(
            "/subject/nomisNumber", "share", null, null),
            new SharingLogEvent.Field("/body/releaseDate", "share", null,
                    null),
            new SharingLogEvent.Field("/body/licenceConditions/*", "share", null, null));

    /** What the supervising YOT's flow says of its recipients in version 3. */
    private static final String SUPERVISING_YOT_TO = "    to:\n      - field: /body/supervisingYot\n        kinds: "
            + "[yot]\n    purpose: direct-care-resettlement\n    fields:\n      /subject/name: share\n      "
            + "/subject/dateOfBirth: share\n      /subject/gender: share";

    /** A release's entries as version 3 made them: to the supervising YOT, and to YCS Placements. */
    private static List<SharingLogEvent> releaseToCamden() {
        String id = UUID.randomUUID().toString();
        return List.of(entry(id, "release-notification", "yoi-feltham", "yot-camden", "release-to-supervising-yot",
                "/body/supervisingYot", RELEASE_FIELDS),
                entry(id, "release-notification", "yoi-feltham",
                        "ycs-placements", "release-to-ycs-placements", null, List.of(new SharingLogEvent.Field(
                                "/subject/nomisNumber", "share", null, null),
                                new SharingLogEvent.Field(
                                        "/body/releaseDate", "share", null, null),
                                new SharingLogEvent.Field(
                                        "/body/licenceConditions/*", "withhold", "not named in the agreement",
                                        null))));
    }

    @Test
    void aFixedRecipientAddedToAFlowIsGainedWithEveryFieldTheFlowWouldGiveIt() {
        assertTrue(IN_FORCE.contains(SUPERVISING_YOT_TO));
        assertTrue(IN_FORCE.contains(SUPERVISING_YOT_TO));
        String draft = IN_FORCE.replace("version: 3", "version: 4").replace(SUPERVISING_YOT_TO, SUPERVISING_YOT_TO
                .replace("    purpose:", "      - agency: probation-london\n    purpose:"));

        ReplayTally tally = replay(draft.replace("parties:\n  kinds: [yot, yoi, stc, sch, ssc]\n  agencies: "
                + "[ycs-placements, partnership-london-resettlement]",
                "parties:\n  kinds: [yot, yoi, stc, sch, ssc]"
                        + "\n  agencies: [ycs-placements, partnership-london-resettlement, probation-london]"),
                releaseToCamden());

        String flow = "release-to-supervising-yot";
        assertEquals(List.of(new ReplayChange(Kind.RECIPIENT_GAINED, flow, "probation-london", Optional.empty(),
                Optional.empty(), Optional.empty()), released(flow, "/body/licenceConditions/*"),
                released(flow,
                        "/body/releaseDate"),
                released(flow, "/subject/nomisNumber")), tally.kinds());
    }

    @Test
    void aRecipientNamedByAFieldNoDeliveryWasRoutedByIsCountedAsUnresolved() {
        String draft = IN_FORCE.replace("version: 3", "version: 4").replace(SUPERVISING_YOT_TO, SUPERVISING_YOT_TO
                .replace("    purpose:", "      - field: /body/establishment\n        kinds: [yoi]\n    purpose:"));

        ReplayTally tally = replay(draft, releaseToCamden());

        assertEquals(List.of(), tally.kinds());
        assertEquals(java.util.Map.of("release-to-supervising-yot: agency named at /body/establishment (yoi)", 1),
                tally.unresolved());
    }

    private static ReplayChange released(String flow, String field) {
        return new ReplayChange(Kind.FIELD_RELEASED, flow, "probation-london", Optional.of(field), Optional.empty(),
                Optional.of("share"));
    }
}

package io.throughgate.dpo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.directory.AgencyKind;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogEvent;
import io.throughgate.sharinglog.SharingLogEvent.Field;
import io.throughgate.sharinglog.SharingLogEvent.LawfulBasis;

/**
 * The sharing log and consent decisions of one child (Camden, remanded to Feltham, then a health summary and an
 * admission to the evaluation), made the way the hub makes them, with the shipped directory and purposes.
 */
final class ReportFixtures {

    static final String CHILD = "k2026a.Q0hJTEQtMDEtbmhzLW51bWJlci1wc2V1ZG9ueW0tMDAx";
    static final String CHILD_PNC = "k2026a.Q0hJTEQtMDEtcG5jLWlkLXBzZXVkb255bS0wMDAwMDA";
    static final UUID HEALTH_CONSENT = UUID.fromString("0b6f7c1e-5a43-4c1d-9f0e-2d8a4b7e61c3");
    static final UUID EVALUATION_CONSENT = UUID.fromString("7d2e9a40-13b5-4f68-8c27-e5a1f0b9d482");
    static final Instant GENERATED = Instant.parse("2026-12-01T09:00:00Z");
    static final String AGREEMENT_SHA256 = "a3f1c9e7d5b3a1f9e7c5a3b1d9f7e5c3a1b9d7f5e3c1a9b7d5f3e1c9a7b5d3f1";
    static final UUID HEALTH_SUMMARY = UUID.fromString("c41e8f2a-6b0d-4e93-a7f5-19d3b2c8e604");

    static final LawfulBasis DIRECT_CARE = new LawfulBasis("public-task", List.of("substantial-public-interest"),
            List.of("para-6-statutory-purposes", "para-18-safeguarding"),
            List.of("Crime and Disorder Act 1998 s115", "Children Act 2004 s10 and s11"));
    static final LawfulBasis HEALTH = new LawfulBasis("public-task", List.of("health-or-social-care"),
            List.of("para-2-health-or-social-care", "para-18-safeguarding"),
            List.of("Health and Social Care Act 2012 s251B (duty to share information for direct care)",
                    "Children Act 2004 s11"));
    static final LawfulBasis EVALUATION = new LawfulBasis("public-task", List.of("research-and-statistics"),
            List.of("para-4-research"),
            List.of("Police Reform and Social Responsibility Act 2011 s3 (functions of the Mayor's Office for "
                    + "Policing and Crime)", "Crime and Disorder Act 1998 s115"));

    private ReportFixtures() {
    }

    static AgencyDirectory directory() {
        return AgencyDirectoryLoader.parse(read(AgencyDirectoryLoader.FILE));
    }

    static PurposeCatalog purposes() {
        return PurposeCatalog.parse(read(PurposeCatalog.FILE));
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of("contracts", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Camden YOT's placement information to HMYOI Feltham A, the day of the remand. */
    static IndexedEntry placementToFeltham() {
        List<Field> fields = List.of(
                new Field("/subject/name", "share", null, null),
                new Field("/subject/dateOfBirth", "share", null, null),
                new Field("/subject/upn", "pseudonymise", null, null),
                new Field("/body/offenceSummary", "share", null, null),
                new Field("/body/firstNightRisks/selfHarmRisk", "share", null, null),
                new Field("/body/nextOfKin/phone", "withhold", "contact details go through the YOT case manager",
                        null));
        return entry(17, "2026-10-05T16:20:02Z", "5e0b7d34-8c1a-4f29-b6e3-2a9d0c4f7e15", "placement-information",
                "yot-camden", "yoi-feltham", "k2026a.ZmVsdGhhbS1yZWNpcGllbnQtcHNldWRvbnltLTAx",
                "london-resettlement-direct-care", "direct-care-resettlement", DIRECT_CARE, List.of(), fields,
                "2026-10-05T15:45:00Z", 0, 311L);
    }

    /** Feltham's health summary to the North Central London ICB, clinical detail encrypted with consent. */
    static IndexedEntry healthSummaryToIcb() {
        String consent = HEALTH_CONSENT.toString();
        List<Field> fields = List.of(
                new Field("/subject/nhsNumber", "share", null, null),
                new Field("/subject/nomisNumber", "pseudonymise", null, null),
                new Field("/body/gpPracticeCode", "share", null, null),
                new Field("/body/selfHarmRisk/notes", "encrypt", null, consent),
                new Field("/body/medication/*/dose", "encrypt", null, consent));
        return entry(42, "2026-11-12T14:03:11Z", HEALTH_SUMMARY.toString(), "health-summary", "yoi-feltham",
                "health-icb-north-central-london", "k2026a.aWNiLW5jbC1yZWNpcGllbnQtcHNldWRvbnltLTAx",
                "london-resettlement-health", "health-information-sharing", HEALTH, List.of(consent), fields,
                "2026-11-12T09:30:00Z", 2, 17L);
    }

    /** The same health summary to Camden's YOT health worker: diagnoses stay with clinicians. */
    static IndexedEntry healthSummaryToCamden() {
        String consent = HEALTH_CONSENT.toString();
        List<Field> fields = List.of(
                new Field("/subject/nhsNumber", "pseudonymise", null, null),
                new Field("/body/selfHarmRisk/level", "share", null, null),
                new Field("/body/medication", "encrypt", null, consent),
                new Field("/body/diagnoses", "withhold", "diagnoses stay with clinicians", null),
                new Field("/body/chatModulesCompleted/*", "withhold", "not named in the agreement", null));
        return entry(43, "2026-11-12T14:03:11Z", HEALTH_SUMMARY.toString(), "health-summary", "yoi-feltham",
                "yot-camden", "k2026a.Y2FtZGVuLXJlY2lwaWVudC1wc2V1ZG9ueW0tMDAwMQ", "london-resettlement-health",
                "health-information-sharing", HEALTH, List.of(consent), fields, "2026-11-12T09:30:00Z", 0, 902L);
    }

    /** A custody admission to the evaluation team after the consent to evaluation was withdrawn: nothing went. */
    static IndexedEntry admissionWithheldFromEvaluation() {
        String noConsent = "no consent for evaluation covers eval-mopac";
        List<Field> fields = List.of(
                new Field("/subject/nomisNumber", "withhold", noConsent, null),
                new Field("/subject/dateOfBirth", "withhold", noConsent, null));
        return entry(58, "2026-11-20T08:15:39Z", "9b3e6d1f-2a7c-4f05-b8d4-e1c0a9f3b627", "custody-admission",
                "yoi-feltham", "eval-mopac", null, "london-resettlement-evaluation", "evaluation", EVALUATION,
                List.of(), fields, "2026-11-19T17:00:00Z", null, null);
    }

    /**
     * An entry as the hub writes it: indexed a second after the record arrived; a delivery (one with a partition)
     * landed in the recipient's inbox, a withheld one has no pseudonym, topic, partition or offset.
     */
    private static IndexedEntry entry(long index, String receivedAt, String recordId, String recordType,
            String sender, String recipient, String recipientPseudonym, String agreementId, String purpose,
            LawfulBasis basis, List<String> consents, List<Field> fields, String occurredAt, Integer partition,
            Long offset) {
        Instant received = Instant.parse(receivedAt);
        boolean delivered = partition != null;
        SharingLogEvent event = new SharingLogEvent(UUID.nameUUIDFromBytes((recordId + recipient).getBytes(
                StandardCharsets.UTF_8)).toString(), delivered ? "delivered" : "withheld", recordId, recordType,
                sender, recipient, recipientPseudonym, agreementId, 1, AGREEMENT_SHA256, purpose, basis, consents,
                fields, List.of(CHILD, CHILD_PNC), occurredAt, received, delivered ? "tg.inbox." + recipient : null,
                partition, offset, null, null, null);
        return new IndexedEntry(index, received.plusSeconds(1), event);
    }

    static List<IndexedEntry> entries() {
        return List.of(admissionWithheldFromEvaluation(), healthSummaryToCamden(), placementToFeltham(),
                healthSummaryToIcb());
    }

    /** The child's own consent to health information sharing, recorded by Feltham's health team. */
    static ConsentDecision healthConsent() {
        ConsentScope scope = new ConsentScope(Set.of(), Set.of(AgencyKind.HEALTH, AgencyKind.YOT), Set.of(
                "health-summary"));
        CompetenceAssessment competence = new CompetenceAssessment("Feltham healthcare nurse practitioner",
                LocalDate.of(2026, 10, 30), true);
        Decider child = new Decider(DeciderRole.CHILD, Optional.empty(), Optional.of(competence));
        return new ConsentDecision(HEALTH_CONSENT, List.of(CHILD), "health-information-sharing", scope,
                Provision.PERMIT, LocalDate.of(2026, 11, 1), Optional.empty(), child, "yoi-feltham",
                "FELTHAM-HC/CONSENT/2026/0412", Instant.parse("2026-11-01T10:12:00Z"), Optional.empty());
    }

    /** The mother's consent to the evaluation, later withdrawn through Camden YOT. */
    static ConsentDecision evaluationConsentWithdrawn() {
        ConsentScope scope = new ConsentScope(Set.of("eval-mopac"), Set.of(), Set.of());
        Decider mother = new Decider(DeciderRole.PARENTAL_RESPONSIBILITY, Optional.of("mother"), Optional.empty());
        ConsentDecision.Withdrawal withdrawal = new ConsentDecision.Withdrawal(Instant.parse("2026-11-18T09:05:00Z"),
                "yot-camden", "CAMDEN-YJS/CONSENT/2026/0131");
        return new ConsentDecision(EVALUATION_CONSENT, List.of(CHILD), "evaluation", scope, Provision.PERMIT,
                LocalDate.of(2026, 10, 6), Optional.of(LocalDate.of(2027, 10, 5)), mother, "yot-camden",
                "CAMDEN-YJS/CONSENT/2026/0093", Instant.parse("2026-10-06T11:30:00Z"), Optional.of(withdrawal));
    }

    static SubjectAccessReport.Verification checkpoint() {
        return new SubjectAccessReport.Verification(1204, "sV1Hh3m9pQ8zR2kT6wX0yB4nC7dF5gJ1aL3eM8oP2uY=", Instant
                .parse("2026-11-30T00:00:00Z"), "sharing-log-2026");
    }

    /** The partnership DPO's complete report. */
    static SubjectAccessReport complete() {
        List<ConsentDecision> decisions = List.of(evaluationConsentWithdrawn(), healthConsent());
        return new SubjectAccessReport(GENERATED, "partnership-london-resettlement", true, List.of(CHILD, CHILD_PNC),
                entries(), decisions, Optional.of(checkpoint()));
    }

    /** Camden's DPO's report: only what Camden sent or received. */
    static SubjectAccessReport camden() {
        List<IndexedEntry> camdens = List.of(placementToFeltham(), healthSummaryToCamden());
        List<ConsentDecision> decisions = List.of(evaluationConsentWithdrawn(), healthConsent());
        return new SubjectAccessReport(GENERATED, "yot-camden", false, List.of(CHILD, CHILD_PNC), camdens,
                decisions, Optional.of(checkpoint()));
    }
}

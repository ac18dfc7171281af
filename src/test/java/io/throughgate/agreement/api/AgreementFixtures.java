package io.throughgate.agreement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementParser;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.schema.ProtectedField;

/**
 * A small, valid agreement for the unit tests of the views and exports, with the real agency directory and purposes
 * and a field catalog of the release notification's fields.
 */
final class AgreementFixtures {

    static final String RELEASE = "release-notification";

    /** Establishments tell the supervising YOT of a release; the evaluation team gets a pseudonymised copy. */
    static final String AGREEMENT = """
            id: release-planning
            version: 3
            title: Release planning between establishments and boroughs
            summary: Establishments tell the supervising YOT of a child's release; MOPAC evaluates the releases.
            validFrom: 2025-04-01
            validUntil: 2028-03-31
            parties:
              kinds: [yot, yoi]
              agencies: [eval-mopac, ycs-placements]
            jointControllers: false
            purposes: [direct-care-resettlement, evaluation]
            lawfulBasis:
              article6: public-task
              article9: [substantial-public-interest, health-or-social-care]
              schedule1: [para-6-statutory-purposes, para-18-safeguarding]
              statutoryGateways: [Crime and Disorder Act 1998 s115]
            dpia:
              reference: DPIA-2025-007
              outcome: Residual risk low once identifiers are pseudonymised for evaluation.
              dpoAdvice: The DPOs advise signing.
            retention: Until the supervision ends, then 6 years.
            security: Mutual TLS; encryption at rest.
            individualsRights: Requests go to the controller holding the record.
            reviewDate: 2026-03-31
            contacts:
              - role: agreement owner
                agency: ycs-placements
                mailbox: placements-dpo@example.gov.uk
            recordSchemas: {release-notification: 1}
            flows:
              - id: release-to-supervising-yot
                recordTypes: [release-notification]
                from: {kinds: [yoi]}
                to:
                  - field: /body/supervisingYot
                    kinds: [yot]
                  - agency: ycs-placements
                purpose: direct-care-resettlement
                fields:
                  /subject/nhsNumber: share
                  /subject/dateOfBirth: share
                  /subject/pncId:
                    action: withhold
                    reason: the YOT holds it already
                  /body/releaseDate: share
                  /body/releaseAddress: share
                  /body/releaseAddress/postcode: generalise:postcode-district
                  /body/appointmentsBooked/*/with:
                    action: encrypt
                    consent: health-information-sharing
              - id: release-to-evaluation
                recordTypes: [release-notification]
                from: {kinds: [yoi]}
                to:
                  - agency: eval-mopac
                purpose: evaluation
                fields:
                  /subject/nhsNumber:
                    action: pseudonymise
                    consent: evaluation
                  /subject/dateOfBirth: generalise:year-month
            """;

    /** The release notification's leaf fields, as the record schemas give them (envelope fields included). */
    static final List<String> RELEASE_FIELDS = List.of("/recordId", "/type", "/schemaVersion", "/sender",
            "/occurredAt", "/subject/nhsNumber", "/subject/pncId", "/subject/dateOfBirth", "/body/releaseDate",
            "/body/releaseAddress/lines/*", "/body/releaseAddress/town", "/body/releaseAddress/postcode",
            "/body/supervisingYot", "/body/appointmentsBooked/*/pathway", "/body/appointmentsBooked/*/date",
            "/body/appointmentsBooked/*/with");

    private AgreementFixtures() {
    }

    /** The agreement of {@link #AGREEMENT}. */
    static Agreement agreement() {
        return parse(AGREEMENT);
    }

    /** An agreement parsed from YAML, failing the test if the YAML has problems. */
    static Agreement parse(String yaml) {
        AgreementParser.Parsed parsed = AgreementParser.parse("agreements/test/agreement.yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.problems());
        return parsed.agreement().orElseThrow();
    }

    /** The agency directory of the contracts. */
    static AgencyDirectory directory() {
        return AgencyDirectoryLoader.parse(read(AgencyDirectoryLoader.FILE));
    }

    /** The purposes of the contracts. */
    static PurposeCatalog purposes() {
        return PurposeCatalog.parse(read(PurposeCatalog.FILE));
    }

    /** A field catalog that knows the release notification only. */
    static RecordFieldCatalog fields() {
        Map<String, List<String>> leaves = Map.of(RELEASE, RELEASE_FIELDS);
        return new RecordFieldCatalog() {

            @Override
            public Set<String> recordTypes() {
                return leaves.keySet();
            }

            @Override
            public boolean hasField(String recordType, String pointer) {
                return leaves.getOrDefault(recordType, List.of()).stream()
                        .anyMatch(leaf -> leaf.equals(pointer) || leaf.startsWith(pointer + "/"));
            }

            @Override
            public List<String> leafFields(String recordType) {
                return leaves.get(recordType);
            }

            @Override
            public Set<Integer> schemaVersions(String recordType) {
                return leaves.containsKey(recordType) ? Set.of(1) : Set.of();
            }

            @Override
            public Optional<ProtectedField> protectedField(String recordType, String pointer) {
                return Optional.empty();
            }
        };
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of("contracts").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

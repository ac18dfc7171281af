package io.throughgate.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.throughgate.contract.InvalidContractException;

class AgencyDirectoryLoaderTest {

    private static final String CAMDEN = """
            agencies:
              - code: yot-camden
                kind: yot
                displayName: Camden Youth Offending Team
                borough: Camden
                localAuthority: London Borough of Camden
                gssCode: E09000007
                validFrom: 2020-04-01
                certificateIdentity: urn:throughgate:agency:yot-camden
                issuers: [throughgate-dev]
            """;

    private static final String DEV_PIN = "a34c7247788b5f48e72ab62af278d420dd510a6c08fef5294eaeac5e937ab1f0";
    private static final String BOROUGH_PIN = "116020e9ce34a6c6c36a68b06be770c40572396de70d0c71d06788c99583f33e";

    private static final String AUTHORITIES = """
            certificateAuthorities:
              - id: throughgate-dev
                displayName: Throughgate Development CA
                spkiSha256: %s
                grants: [dpo, partnership]
              - id: camden-dev
                displayName: Camden Borough Development CA
                spkiSha256: %s
            """.formatted(DEV_PIN, BOROUGH_PIN);

    private static final String PARTNERSHIP = """
              - code: partnership-london-resettlement
                kind: partnership
                displayName: London Resettlement Partnership
                validFrom: 2020-04-01
                certificateIdentity: urn:throughgate:agency:partnership-london-resettlement
                issuers: [throughgate-dev]
            """;

    private static AgencyDirectory parse(String agencies) {
        return AgencyDirectoryLoader.parse((agencies + AUTHORITIES).getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidContractException problems(String agencies) {
        return assertThrows(InvalidContractException.class, () -> parse(agencies));
    }

    private static AgencyDirectory shipped() throws IOException {
        return AgencyDirectoryLoader.parse(Files.readAllBytes(Path.of("contracts", AgencyDirectoryLoader.FILE)));
    }

    @Test
    void shippedDirectoryHasEveryLondonBoroughYotWithItsGssCode() throws IOException {
        List<Agency> yots = shipped().ofKind(AgencyKind.YOT);
        assertEquals(32, yots.size());
        Set<String> gssCodes = yots.stream().map(yot -> yot.details().gssCode().orElseThrow())
                .collect(Collectors.toSet());
        Set<String> expected = IntStream.rangeClosed(2, 33).mapToObj(n -> String.format("E090000%02d", n))
                .collect(Collectors.toSet());
        assertEquals(expected, gssCodes);
        Agency camden = shipped().find("yot-camden").orElseThrow();
        assertEquals("E09000007", camden.details().gssCode().orElseThrow());
        assertEquals("Westminster", shipped().find("yot-westminster").orElseThrow().details().borough().orElseThrow());
    }

    @Test
    void shippedDirectoryHasTheSecureEstateHealthAndPartners() throws IOException {
        AgencyDirectory directory = shipped();
        for (String code : List.of("yoi-feltham", "yoi-parc", "yoi-werrington", "yoi-wetherby", "stc-oakhill",
                "ssc-oasis-restore", "sch-aycliffe", "ycs-placements", "health-nhse-health-justice",
                "health-icb-north-central-london", "eval-mopac", "probation-london",
                "partnership-london-resettlement")) {
            assertTrue(directory.find(code).isPresent(), code + " is missing");
        }
        assertEquals(6, directory.ofKind(AgencyKind.HEALTH).size());
        assertEquals(13, directory.ofKind(AgencyKind.SCH).size());
    }

    @Test
    void cookhamWoodIsNoLongerInForce() throws IOException {
        Agency cookhamWood = shipped().find("yoi-cookham-wood").orElseThrow();
        assertTrue(cookhamWood.validUntil().isPresent());
        assertFalse(cookhamWood.isValidOn(LocalDate.of(2026, 11, 22)));
        assertTrue(cookhamWood.isValidOn(LocalDate.of(2023, 1, 1)));
    }

    @Test
    void recordsTheDigestOfTheFile() {
        AgencyDirectory directory = parse(CAMDEN);
        assertEquals(64, directory.sha256().length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kind | kind: yot | kind: yott | agencies.yaml:2, entry 1 (yot-camden): kind 'yott' is not one of",
            "code without kind prefix | code: yot-camden | code: camden | "
                    + "agencies.yaml:2, entry 1 (camden): code 'camden' must be a lowercase slug",
            "bad date | validFrom: 2020-04-01 | validFrom: 1 April 2020 | "
                    + "entry 1 (yot-camden): validFrom '1 April 2020' is not a date",
            "identity not matching code | certificateIdentity: urn:throughgate:agency:yot-camden "
                    + "| certificateIdentity: urn:throughgate:agency:yot-barnet "
                    + "| certificateIdentity must be urn:throughgate:agency:yot-camden",
            "GSS code outside London boroughs | gssCode: E09000007 | gssCode: E09000001 "
                    + "| gssCode 'E09000001' is not a London borough's",
            "unknown field | borough: Camden | burough: Camden | unknown field 'burough'",
            "missing display name | displayName: Camden Youth Offending Team | displayName: '' "
                    + "| required field 'displayName' is missing or empty"})
    void rejectsMalformedEntryNamingFileEntryAndProblem(String variant, String original, String replacement,
            String expectedProblem) {
        String malformed = CAMDEN.replace(original.strip(), replacement.strip());
        InvalidContractException error = problems(malformed);
        assertTrue(error.getMessage().contains(expectedProblem.strip()),
                variant + ": expected '" + expectedProblem.strip() + "' in: " + error.getMessage());
    }

    @Test
    void rejectsTheSameCodeTwice() {
        String twice = CAMDEN + CAMDEN.substring(CAMDEN.indexOf("  - code")).replace("E09000007", "E09000008");
        InvalidContractException error = problems(twice);
        assertEquals("agencies.yaml:11, entry 2 (yot-camden): code yot-camden is already used by entry 1 "
                + "(yot-camden)", error.problems().get(0).toString());
    }

    @Test
    void rejectsAFileWithoutAgencies() {
        InvalidContractException error = assertThrows(InvalidContractException.class,
                () -> AgencyDirectoryLoader.parse("agency: []\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("agencies.yaml:1: the file must be a mapping with the lists 'certificateAuthorities' and "
                + "'agencies'",
                error.problems().get(0).toString());
    }

    @Test
    void rejectsInvalidYamlWithoutFailingOnTheFirstCharacter() {
        InvalidContractException error = assertThrows(InvalidContractException.class,
                () -> AgencyDirectoryLoader.parse("agencies: [\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().startsWith("1 problem in the contracts:\n  agencies.yaml: not valid YAML"),
                error.getMessage());
    }

    @Test
    void readsTheCasPinnedForEachAgencyAndWhatTheyMayGrant() throws IOException {
        AgencyDirectory directory = shipped();
        Agency camden = directory.find("yot-camden").orElseThrow();
        assertEquals(List.of("throughgate-dev", "camden-dev"), directory.issuersOf(camden).stream()
                .map(PinnedAuthority::id).toList());
        PinnedAuthority borough = directory.issuersOf(camden).get(1);
        assertEquals(BOROUGH_PIN, borough.spkiSha256());
        assertEquals(Set.of(), borough.grants());
        assertEquals(Set.of(IssuerGrant.DPO, IssuerGrant.PARTNERSHIP), directory.issuersOf(camden).get(0).grants());
        assertEquals(List.of("throughgate-dev"), directory.find("yoi-feltham").orElseThrow().issuers());
    }

    @Test
    void rejectsAnAgencyWithoutIssuers() {
        InvalidContractException error = problems(CAMDEN.replace("    issuers: [throughgate-dev]\n", ""));
        assertEquals("agencies.yaml:2, entry 1 (yot-camden): required field 'issuers' is missing or empty: name the "
                + "certificateAuthorities allowed to issue this agency's certificates",
                error.problems().get(0).toString());
    }

    @Test
    void rejectsAnIssuerThatIsNotAmongTheCertificateAuthorities() {
        InvalidContractException error = problems(CAMDEN.replace("[throughgate-dev]", "[camden-own-ca]"));
        assertEquals("agencies.yaml:2, entry 1 (yot-camden): issuer 'camden-own-ca' is not among the "
                + "certificateAuthorities", error.problems().get(0).toString());
    }

    @Test
    void rejectsAPartnershipIssuerNotGrantedThePartnershipsIdentity() {
        InvalidContractException error = problems(CAMDEN + PARTNERSHIP.replace("[throughgate-dev]",
                "[throughgate-dev, camden-dev]"));
        assertTrue(error.problems().get(0).toString().endsWith("entry 2 (partnership-london-resettlement): issuer "
                + "'camden-dev' may not vouch for the partnership's identity: only a certificate authority whose "
                + "grants include partnership may issue for a partnership entry"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pin not hex | spkiSha256: " + BOROUGH_PIN + " | spkiSha256: not-a-pin "
                    + "| certificate authority 2 (camden-dev): spkiSha256 must be the SHA-256",
            "unknown grant | grants: [dpo, partnership] | grants: [dpo, everything] "
                    + "| certificate authority 1 (throughgate-dev): grant 'everything' is not one of dpo, partnership",
            "same pin twice | spkiSha256: " + BOROUGH_PIN + " | spkiSha256: " + DEV_PIN
                    + "| certificate authority 2 (camden-dev): spkiSha256 is already pinned by certificate authority 1"})
    void rejectsAMalformedCertificateAuthority(String variant, String original, String replacement,
            String expectedProblem) {
        String malformed = (CAMDEN + AUTHORITIES).replace(original.strip(), replacement.strip());
        InvalidContractException error = assertThrows(InvalidContractException.class,
                () -> AgencyDirectoryLoader.parse(malformed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains(expectedProblem.strip()),
                variant + ": expected '" + expectedProblem.strip() + "' in: " + error.getMessage());
    }
}

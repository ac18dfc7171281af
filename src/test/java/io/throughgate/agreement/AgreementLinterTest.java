package io.throughgate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.contract.ContractProblem;

/** The linter names the file, line and field of every rule the contracts cannot honour. */
class AgreementLinterTest {

    private static final LocalDate TODAY = LocalDate.now(io.throughgate.config.ClockProducer.LONDON);

    @TempDir
    Path root;

    private List<ContractProblem> lint(String original, String replacement) {
        AgreementFixture fixture = new AgreementFixture(root, TODAY.minusMonths(1), TODAY.plusYears(1));
        String text = new String(fixture.content(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.nio.file.Files.writeString(fixture.folder.resolve("agreement.yaml"), text.replace(original,
                    replacement));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fixture.load().problems();
    }

    @Test
    void reportsARuleNamingAFieldTheSchemaDoesNotHave() {
        List<ContractProblem> problems = lint("/body/releaseDate: share", "/body/releaseDay: share");
        assertEquals("agreements/release-test/v1/agreement.yaml:31, flow release, field /body/releaseDay: the "
                + "release-notification schema has no field /body/releaseDay", problems.get(0).toString());
    }

    @Test
    void reportsAnUnknownRecordType() {
        List<ContractProblem> problems = lint("recordTypes: [release-notification]", "recordTypes: [release-note]");
        assertEquals("agreements/release-test/v1/agreement.yaml:24, flow release: record type 'release-note' has no "
                + "schema", problems.get(0).toString());
    }

    @Test
    void reportsASenderThatIsNotAParty() {
        List<ContractProblem> problems = lint("from: {agencies: [yoi-feltham]}", "from: {agencies: [yoi-parc]}");
        assertEquals("agreements/release-test/v1/agreement.yaml:25, flow release: sender 'yoi-parc' is not a party",
                problems.get(0).toString());
    }

    @Test
    void reportsConsentForAPurposeThatTakesNone() {
        List<ContractProblem> problems = lint("/subject/name: share",
                "/subject/name: {action: share, consent: direct-care-resettlement}");
        assertEquals("agreements/release-test/v1/agreement.yaml:30, flow release, field /subject/name: purpose "
                + "'direct-care-resettlement' does not take consent", problems.get(0).toString());
    }

    @Test
    void reportsAnUnknownRuleWordWithItsLine() {
        List<ContractProblem> problems = lint("/body/releaseDate: share", "/body/releaseDate: publish");
        assertEquals(
                "agreements/release-test/v1/agreement.yaml:31, flow release, fields: the rule of /body/releaseDate "
                        + "is 'publish'; it must be share, pseudonymise, generalise:<how>, encrypt or withhold",
                problems.get(0).toString());
    }

    @Test
    void reportsAnUnknownFieldOfTheAgreement() {
        List<ContractProblem> problems = lint("jointControllers: false", "jointControllers: false\nsignedBy: me");
        assertEquals("agreements/release-test/v1/agreement.yaml:11: unknown field 'signedBy'; allowed: contacts, dpia, "
                + "flows, id, individualsRights, jointControllers, lawfulBasis, parties, purposes, recordSchemas, "
                + "retention, reviewDate, security, summary, title, validFrom, validUntil, version",
                problems.get(0)
                        .toString());
    }

    @Test
    void reportsAFlowWhoseRecordTypeHasNoPinnedSchemaVersion() {
        List<ContractProblem> problems = lint("recordSchemas: {release-notification: 1}",
                "recordSchemas: {placement-information: 1}");
        assertEquals("recordSchemas names no schema version for release-notification, which this flow carries",
                problems.get(0).message());
    }

    @Test
    void reportsAPinnedSchemaVersionThatDoesNotExist() {
        List<ContractProblem> problems = lint("recordSchemas: {release-notification: 1}",
                "recordSchemas: {release-notification: 3}");
        assertEquals("there is no version 3 of the release-notification schema", problems.get(0).message());
    }

    @Test
    void refusesAContainerShareThatWouldCoverCriminalOffenceDataWithoutARuleOfItsOwn() {
        List<ContractProblem> problems = lint("      /body/releaseDate: share", "      /body: share");
        assertEquals(List.of("the rule '/body: share' would cover /body/licenceConditions of release-notification, "
                + "which is criminal offence data; give /body/licenceConditions a rule of its own (share it, "
                + "withhold it or ask consent)",
                "the rule '/body: share' would cover "
                        + "/body/noticeOfSupervisionConditions of release-notification, which is criminal offence "
                        + "data; give /body/noticeOfSupervisionConditions a rule of its own (share it, withhold it or "
                        + "ask consent)"),
                problems.stream().map(ContractProblem::message).toList());
    }

    @Test
    void acceptsAContainerShareOnceEachProtectedFieldHasARuleOfItsOwn() {
        List<ContractProblem> problems = lint("      /body/releaseDate: share", "      /body: share\n"
                + "      /body/licenceConditions: share\n"
                + "      /body/noticeOfSupervisionConditions: {action: withhold, reason: not needed}");
        assertEquals(List.of(), problems);
    }
}

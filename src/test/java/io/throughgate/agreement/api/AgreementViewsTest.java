package io.throughgate.agreement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementParties;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.AgreementStatus;
import io.throughgate.agreement.SignatureCheck;
import io.throughgate.agreement.SignatureCheck.Outcome;
import io.throughgate.contract.ContractProblem;
import io.throughgate.directory.AgencyDirectory;

/** The list, detail and coverage views count only valid signatures and cope with files that cannot be read. */
class AgreementViewsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String SHA256 = "9f2c1a7e55d0b8c3e6f4a2d1b0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1";
    private static final AgencyDirectory DIRECTORY = AgreementFixtures.directory();
    private static final Agreement AGREEMENT = AgreementFixtures.agreement();
    private static final Set<String> PARTIES = AgreementParties.of(AGREEMENT, DIRECTORY);

    private static final String FILE = "agreements/release-planning/v1/agreement.yaml";

    /** Every party signed validly, except Camden (the file changed after it signed) and Barnet (no file). */
    private final AgreementState partlySigned = new AgreementState("release-planning", 1, FILE,
            Optional.of(AGREEMENT), List.of(), PARTIES, signaturesAllButBarnetWithCamdenTampered(), SHA256,
            Optional.empty());

    private final AgreementState unreadable = new AgreementState("broken", 1, "agreements/broken/v1/agreement.yaml",
            Optional.empty(), List.of(unknownArticle6Basis()), Set.of(), List.of(), SHA256, Optional.empty());

    @Test
    void summarisesTheTermsAndCountsOnlyValidSignatures() {
        AgreementSummary summary = AgreementSummary.of(partlySigned, TODAY);
        assertEquals(AgreementStatus.SIGNATURE_INVALID, summary.status());
        assertEquals(3, summary.version());
        assertEquals(LocalDate.of(2026, 3, 31), summary.reviewDate());
        assertEquals(PARTIES.size(), summary.parties());
        assertEquals(PARTIES.size() - 2, summary.partiesSigned());
    }

    @Test
    void summarisesAFileThatCannotBeReadWithItsProblemAsReason() {
        AgreementSummary summary = AgreementSummary.of(unreadable, TODAY);
        assertEquals(AgreementStatus.INVALID, summary.status());
        assertNull(summary.title());
        assertNull(summary.version());
        assertEquals(List.of("agreements/broken/v1/agreement.yaml:7: unknown Article 6 basis 'public-interest'"),
                summary.reasons());
    }

    @Test
    void listsThePartiesWithoutAValidSignatureInDirectoryOrder() {
        AgreementDetail detail = AgreementDetail.of(partlySigned, TODAY, DIRECTORY, AgreementFixtures.purposes());
        assertEquals(List.of("yot-barnet", "yot-camden"), detail.partiesNotSigned());
        assertTrue(detail.reasons().get(0).startsWith("yot-camden: tampered: "));
    }

    @Test
    void showsTheProblemsAndNoContentOfAFileThatCannotBeRead() {
        AgreementDetail detail = AgreementDetail.of(unreadable, TODAY, DIRECTORY, AgreementFixtures.purposes());
        assertNull(detail.content());
        assertEquals(7, detail.problems().get(0).line());
        assertEquals(List.of(), detail.partiesNotSigned());
    }

    @Test
    void countsABoroughAsSignedOnlyWithAValidSignature() {
        CoverageView coverage = CoverageView.of(List.of(partlySigned, unreadable), DIRECTORY, TODAY);
        CoverageView.AgreementTally releasePlanning = new CoverageView.AgreementTally("release-planning",
                AGREEMENT.title(), AgreementStatus.SIGNATURE_INVALID, null, 1, 32, 30);
        CoverageView.AgreementTally broken = new CoverageView.AgreementTally("broken", null, AgreementStatus.INVALID,
                null, 1, 0, 0);
        assertEquals(List.of(releasePlanning, broken), coverage.summary());
        CoverageView.Borough camden = coverage.boroughs().stream().filter(b -> b.agency().equals("yot-camden"))
                .findFirst().orElseThrow();
        assertEquals(List.of(new CoverageView.Membership("release-planning", AGREEMENT.title(),
                AgreementStatus.SIGNATURE_INVALID, null, null, false)), camden.agreements());
    }

    @Test
    void describesEachPartyByNameAndTheLawfulBasisInDpvTerms() {
        AgreementContentView content = AgreementDetail.of(partlySigned, TODAY, DIRECTORY,
                AgreementFixtures.purposes()).content();
        assertEquals(new AgreementContentView.Party("yot-camden", "Camden Youth Offending Team"), content.parties()
                .agencies().stream().filter(party -> party.code().equals("yot-camden")).findFirst().orElseThrow());
        assertEquals(List.of("dpv-gdpr:A9-2-g", "dpv-gdpr:A9-2-h"), content.lawfulBasis().article9().stream()
                .map(LawfulBasisView.Term::dpvTerm).toList());
        assertEquals("Schedule 1 paragraph 18: safeguarding of children and individuals at risk",
                content.lawfulBasis().schedule1().get(1).description());
    }

    private static List<SignatureCheck> signaturesAllButBarnetWithCamdenTampered() {
        return PARTIES.stream().filter(party -> !party.equals("yot-barnet"))
                .map(party -> signature(party, party.equals("yot-camden") ? Outcome.TAMPERED : Outcome.VALID))
                .toList();
    }

    private static ContractProblem unknownArticle6Basis() {
        return new ContractProblem("agreements/broken/v1/agreement.yaml", 7, "", "unknown Article 6 basis "
                + "'public-interest'");
    }

    private static SignatureCheck signature(String party, Outcome outcome) {
        return new SignatureCheck(party, outcome, Optional.of("CN=Data Protection Officer " + party),
                Optional.of(Instant.parse("2025-03-20T10:00:00Z")), outcome == Outcome.VALID
                        ? "signed by the data protection officer of " + party
                        : "the agreement changed after it was signed (message digest mismatch)");
    }
}

package io.throughgate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.agreement.SignatureCheck.Outcome;
import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.devcerts.IssuedCertificate;

/** An agreement is enforced only when every party's DPO has signed its exact bytes and it is within its dates. */
class AgreementSignaturesTest {

    private static final Path BOROUGH_CA = Path.of("certs-dev/borough-ca");

    private static final LocalDate TODAY = LocalDate.now(io.throughgate.config.ClockProducer.LONDON);

    @TempDir
    Path root;

    private AgreementFixture current() {
        return new AgreementFixture(root, TODAY.minusMonths(1), TODAY.plusYears(1));
    }

    private static AgreementState.Verdict verdict(AgreementFixture fixture) {
        return fixture.load().verdict(TODAY);
    }

    @Test
    void isInForceWhenEveryPartysDpoHasSigned() {
        AgreementFixture fixture = current();
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        AgreementState state = fixture.load();
        assertEquals(AgreementStatus.IN_FORCE, state.verdict(TODAY).status(), state.verdict(TODAY).reasons()
                .toString());
        assertTrue(state.signatures().stream().allMatch(SignatureCheck::valid));
    }

    @Test
    void isNotEnforcedUnsigned() {
        assertEquals(new AgreementState.Verdict(AgreementStatus.UNSIGNED, List.of("no party has signed")),
                verdict(current()));
    }

    @Test
    void isNotEnforcedPartlySignedAndNamesWhoHasNotSigned() {
        AgreementFixture fixture = current();
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertEquals(new AgreementState.Verdict(AgreementStatus.PARTLY_SIGNED, List.of("not signed by yot-camden")),
                verdict(fixture));
    }

    @Test
    void isNotEnforcedWhenAnyByteChangedAfterSigning() {
        AgreementFixture fixture = current();
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        fixture.append(" ");
        AgreementState state = fixture.load();
        assertEquals(AgreementStatus.SIGNATURE_INVALID, state.verdict(TODAY).status());
        assertTrue(state.signatures().stream().allMatch(check -> check.outcome() == Outcome.TAMPERED));
        assertTrue(state.verdict(TODAY).reasons().contains("yot-camden: tampered: the agreement changed after it was "
                + "signed (message digest mismatch)"), state.verdict(TODAY).reasons().toString());
    }

    @Test
    void isNotEnforcedWhenAnotherAgencysDpoSignedForAParty() {
        AgreementFixture fixture = current();
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-barnet"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertSignature(fixture, "yot-camden", Outcome.WRONG_SIGNER,
                "signed by yot-barnet (DPO), not by the data protection officer of yot-camden");
    }

    @Test
    void isNotEnforcedWhenThePartySignedWithoutItsDpoRole() {
        AgreementFixture fixture = current();
        fixture.sign("yot-camden", AgreementFixture.agencyKey("yot-camden"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertSignature(fixture, "yot-camden", Outcome.WRONG_SIGNER,
                "signed by yot-camden (not a DPO), not by the data protection officer of yot-camden");
    }

    @Test
    void isNotEnforcedWhenTheSignerIsNotFromATrustedCa() {
        AgreementFixture fixture = current();
        CertificateAuthority stranger = DevelopmentCertificates.newAuthority("Stranger CA", Duration.ofDays(30));
        IssuedCertificate forged = DevelopmentCertificates.issueClientCertificate(stranger, "forged DPO",
                List.of("urn:throughgate:agency:yot-camden", "urn:throughgate:role:dpo"),
                Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(1)));
        fixture.sign("yot-camden", forged.privateKey(), forged.chain());
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertSignature(fixture, "yot-camden", Outcome.UNTRUSTED_SIGNER,
                "the signer's certificate is not from a trusted CA or was not valid when it signed");
    }

    @Test
    void isNotEnforcedAfterItExpires() {
        AgreementFixture fixture = new AgreementFixture(root, TODAY.minusYears(2), TODAY.minusDays(1));
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertEquals(new AgreementState.Verdict(AgreementStatus.EXPIRED, List.of("expired after "
                + TODAY.minusDays(1))), verdict(fixture));
    }

    @Test
    void isNotEnforcedBeforeItsFirstDay() {
        AgreementFixture fixture = new AgreementFixture(root, TODAY.plusDays(1), TODAY.plusYears(1));
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertEquals(new AgreementState.Verdict(AgreementStatus.NOT_YET_VALID, List.of("valid from "
                + TODAY.plusDays(1))), verdict(fixture));
    }

    @Test
    void reportsASignatureFromAnAgencyThatIsNotAParty() {
        AgreementFixture fixture = current();
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        fixture.sign("yot-barnet", AgreementFixture.dpoKey("yot-barnet"));
        AgreementState state = fixture.load();
        assertEquals(AgreementStatus.INVALID, state.verdict(TODAY).status());
        assertEquals(
                "agreements/release-test/v1/signatures/yot-barnet.p7s: yot-barnet is not a party to release-test version 1",
                state.problems().get(0).toString());
    }

    @Test
    void isNotEnforcedWhenTheSignersCaIsNotPinnedForTheParty() throws IOException {
        AgreementFixture fixture = current();
        // Camden's own CA is trusted, and pinned for Camden only: it cannot vouch for Feltham's DPO.
        CertificateAuthority camdensCa = CertificateAuthority.load(BOROUGH_CA.resolve("ca.crt"),
                BOROUGH_CA.resolve("ca.key"));
        IssuedCertificate forged = DevelopmentCertificates.issueClientCertificate(camdensCa, "forged DPO",
                List.of("urn:throughgate:agency:yoi-feltham", "urn:throughgate:role:dpo"),
                Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(1)));
        fixture.sign("yot-camden", AgreementFixture.dpoKey("yot-camden"));
        fixture.sign("yoi-feltham", forged.privateKey(), forged.chain());
        assertSignature(fixture, "yoi-feltham", Outcome.UNTRUSTED_SIGNER, "Certificates of agency yoi-feltham must "
                + "be issued by a certificate authority the agency directory pins for it (throughgate-dev); this "
                + "certificate's issuer is not one of them.");
    }

    @Test
    void isNotEnforcedWhenTheSignersCaMayNotGrantTheDpoRole() {
        AgreementFixture fixture = current();
        fixture.sign("yot-camden", BOROUGH_CA.resolve("yot-camden/yot-camden-dpo.p12"));
        fixture.sign("yoi-feltham", AgreementFixture.dpoKey("yoi-feltham"));
        assertSignature(fixture, "yot-camden", Outcome.UNTRUSTED_SIGNER, "Certificate authority camden-dev may "
                + "issue agency certificates for yot-camden but may not grant the data protection officer role.");
    }

    private static void assertSignature(AgreementFixture fixture, String party, Outcome outcome, String detail) {
        AgreementState state = fixture.load();
        assertEquals(AgreementStatus.SIGNATURE_INVALID, state.verdict(TODAY).status());
        SignatureCheck check = state.signatures().stream().filter(signature -> signature.party().equals(party))
                .findFirst().orElseThrow();
        assertEquals(outcome, check.outcome());
        assertEquals(detail, check.detail());
    }
}

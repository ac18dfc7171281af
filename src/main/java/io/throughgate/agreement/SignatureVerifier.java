package io.throughgate.agreement;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import io.throughgate.agreement.SignatureCheck.Outcome;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.IssuerRule;
import io.throughgate.identity.Role;
import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.PublicKeyPins;
import io.throughgate.pki.TrustedAuthorities;

/** Verifies one party's detached CMS signature of an agreement file. */
public final class SignatureVerifier {

    private final TrustedAuthorities authorities;
    private final AgencyDirectory directory;

    /**
     * @param authorities the CAs a signer's certificate must chain to
     * @param directory the directory that pins, for each party, the CAs that may vouch for its DPO
     */
    public SignatureVerifier(TrustedAuthorities authorities, AgencyDirectory directory) {
        this.authorities = authorities;
        this.directory = directory;
    }

    /**
     * Verifies a signature, following RFC 5652 section 5.6 and then the hub's rules:
     * <ol>
     * <li>the file is a SignedData with exactly one signer, whose certificate it carries;</li>
     * <li>the message digest of the agreement's bytes matches the signed attribute, and the signature over the
     * signed attributes verifies with the certificate's key (else {@link Outcome#TAMPERED});</li>
     * <li>the certificate chains to a trusted CA and was valid at the stated signing time (RFC 5280 section 6.1),
     * which is not in the future;</li>
     * <li>the certificate names the party's agency and the DPO role (else {@link Outcome#WRONG_SIGNER});</li>
     * <li>a CA in its path is pinned for the party in the directory and may grant the DPO role
     * ({@link IssuerRule}, else {@link Outcome#UNTRUSTED_SIGNER}).</li>
     * </ol>
     *
     * @param party the agency whose signature this should be
     * @param content the agreement file's bytes
     * @param signature the {@code .p7s} file's bytes
     * @param now the current time
     */
    public SignatureCheck verify(String party, byte[] content, byte[] signature, Instant now) {
        SignerInformation signer;
        X509Certificate certificate;
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return check(party, Outcome.MALFORMED, null, null, "a signature file holds exactly one signature");
            }
            signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return check(party, Outcome.MALFORMED, null, null, "the signature does not carry its certificate");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            certificate = converter.getCertificate(matches.iterator().next());
            chain.add(certificate);
            for (Object holder : signed.getCertificates().getMatches(null)) {
                X509Certificate other = converter.getCertificate((X509CertificateHolder) holder);
                if (!other.equals(certificate)) {
                    chain.add(other);
                }
            }
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            return check(party, Outcome.MALFORMED, null, null, "not a readable detached CMS signature");
        }
        String subject = certificate.getSubjectX500Principal().getName();
        Instant signedAt = signingTime(signer).orElse(null);
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return check(party, Outcome.TAMPERED, subject, signedAt, "the signature does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return check(party, Outcome.TAMPERED, subject, signedAt,
                    "the agreement changed after it was signed (message digest mismatch)");
        } catch (CMSException | OperatorCreationException e) {
            return check(party, Outcome.TAMPERED, subject, signedAt, "the signature does not verify");
        }
        if (signedAt == null || signedAt.isAfter(now)) {
            return check(party, Outcome.UNTRUSTED_SIGNER, subject, signedAt,
                    "the signature has no signing time, or one in the future");
        }
        List<X509Certificate> path;
        try {
            path = authorities.validatePath(chain, signedAt);
        } catch (GeneralSecurityException e) {
            return check(party, Outcome.UNTRUSTED_SIGNER, subject, signedAt,
                    "the signer's certificate is not from a trusted CA or was not valid when it signed");
        }
        List<String> uris = CertificateIdentities.sanUris(certificate);
        if (!uris.contains(Agency.IDENTITY_PREFIX + party) || !uris.contains(Role.DPO.certificateUri())) {
            return check(party, Outcome.WRONG_SIGNER, subject, signedAt,
                    "signed by " + describe(uris) + ", not by the data protection officer of " + party);
        }
        Optional<Agency> agency = directory.find(party);
        Optional<IssuerRule.Refusal> refusal = agency.flatMap(known -> IssuerRule.check(directory, known,
                path.stream().map(PublicKeyPins::sha256Hex).toList(), true));
        if (agency.isEmpty() || refusal.isPresent()) {
            return check(party, Outcome.UNTRUSTED_SIGNER, subject, signedAt,
                    refusal.map(IssuerRule.Refusal::message).orElse(party + " is not in the agency directory"));
        }
        return check(party, Outcome.VALID, subject, signedAt, "signed by the data protection officer of " + party);
    }

    private static String describe(List<String> uris) {
        String agencies = String.join(", ", uris.stream().filter(uri -> uri.startsWith(Agency.IDENTITY_PREFIX))
                .map(uri -> uri.substring(Agency.IDENTITY_PREFIX.length())).toList());
        boolean dpo = uris.contains(Role.DPO.certificateUri());
        return (agencies.isEmpty() ? "a certificate naming no agency" : agencies) + (dpo ? " (DPO)" : " (not a DPO)");
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    }

    private static SignatureCheck check(String party, Outcome outcome, String signer, Instant signedAt,
            String detail) {
        return new SignatureCheck(party, outcome, Optional.ofNullable(signer), Optional.ofNullable(signedAt),
                detail);
    }
}

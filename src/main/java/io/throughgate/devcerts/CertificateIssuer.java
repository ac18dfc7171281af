package io.throughgate.devcerts;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.throughgate.pki.BouncyCastle;
import io.throughgate.pki.Keys;

/**
 * Builds and signs X.509 v3 certificates with Bouncy Castle: EC P-256 keys (Ed25519 for the sharing-log key),
 * SHA256withECDSA signatures by the EC P-256 CA, random 128-bit positive serial numbers.
 */
final class CertificateIssuer {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    /** Creates a self-signed CA with a new key pair. */
    static CertificateAuthority newAuthority(X500Name subject, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(subject, "subject");
        checkValidity(notBefore, notAfter);
        KeyPair keys = Keys.generateEcP256();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    date(notBefore), date(notAfter), subject, keys.getPublic())
                    // RFC 5280 section 4.2.1.9: a CA certificate MUST carry basicConstraints CA:true, marked critical.
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    // RFC 5280 section 4.2.1.3: keyCertSign and cRLSign for a CA; SHOULD be critical.
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    // RFC 5280 section 4.2.1.2: a CA certificate MUST carry a subject key identifier.
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the CA certificate " + subject, e);
        }
    }

    /** Issues an end-entity certificate with a new key pair of the profile's kind, signed by the CA. */
    static IssuedCertificate issue(CertificateAuthority ca, LeafProfile profile, Instant notBefore,
            Instant notAfter) {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(profile, "profile");
        checkValidity(notBefore, notAfter);
        KeyPair keys = profile.key().generate();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serialNumber(),
                    date(notBefore), date(notAfter), profile.subject(), keys.getPublic())
                    // RFC 5280 section 4.2.1.9: an end entity is not a CA.
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // RFC 5280 section 4.2.1.3: what the key may do; critical so that no other use is accepted.
                    .addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
            if (!profile.purposes().isEmpty()) {
                // RFC 5280 section 4.2.1.12: the purposes (TLS server, TLS client, e-mail/CMS protection). Optional:
                // without it, keyUsage alone limits the key.
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(profile.purposes().toArray(new KeyPurposeId[0])));
            }
            builder
                    // RFC 5280 section 4.2.1.6: the identities; not critical because the subject is not empty.
                    .addExtension(Extension.subjectAlternativeName, false, profile.names())
                    // RFC 5280 sections 4.2.1.1 and 4.2.1.2: key identifiers, for chain building.
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, ca.privateKey());
            return new IssuedCertificate(certificate, keys.getPrivate(), ca.certificate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the certificate " + profile.subject(), e);
        }
    }

    /**
     * Issues a certificate revocation list (RFC 5280 section 5) of the CA listing the given serials, revoked at
     * thisUpdate, signed by the CA.
     */
    static X509CRL revocationList(CertificateAuthority ca, List<BigInteger> serials, Instant thisUpdate,
            Instant nextUpdate) {
        Objects.requireNonNull(ca, "ca");
        checkValidity(thisUpdate, nextUpdate);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), date(thisUpdate));
        builder.setNextUpdate(date(nextUpdate));
        serials.forEach(serial -> builder.addCRLEntry(serial, date(thisUpdate), CRLReason.keyCompromise));
        BouncyCastle.register();
        try {
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .setProvider(BouncyCastle.PROVIDER).build(ca.privateKey())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a CRL of " + ca.subject(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        BouncyCastle.register();
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BouncyCastle.PROVIDER)
                            .build(signingKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    /** A random positive serial number of up to 128 bits, within RFC 5280 section 4.1.2.2's 20 octets. */
    private static BigInteger serialNumber() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() <= 0);
        return serial;
    }

    /** X.509 times have whole seconds (RFC 5280 section 4.1.2.5); BC picks UTCTime before 2050. */
    private static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void checkValidity(Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
    }
}

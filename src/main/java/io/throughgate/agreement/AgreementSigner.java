package io.throughgate.agreement;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs an agreement file as its DPO: a detached CMS SignedData (RFC 5652 section 5) over the file's exact bytes,
 * carrying the signer's certificate chain and the signed attributes content-type, message-digest, signing-time
 * (section 11) and CMS algorithm protection (RFC 6211).
 */
public final class AgreementSigner {

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private AgreementSigner() {
    }

    /**
     * Signs content.
     *
     * @param content the agreement file's bytes
     * @param key the DPO's private key
     * @param chain the DPO's certificate first, then its issuers
     * @return the DER-encoded detached signature, for a {@code .p7s} file
     * @throws IllegalStateException if the key cannot sign (a wrong key type, for instance)
     */
    public static byte[] sign(byte[] content, PrivateKey key, List<X509Certificate> chain) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            // false: the content is not embedded (a detached signature, section 5.2: eContent absent).
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
        }
    }
}

package io.throughgate.deliver.crypto;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * Where an encrypted field belongs: the record it is part of, its place in that record and the agency it is for.
 * The hub puts it in the key agreement's user keying material ({@code ukm}, RFC 5652 section 6.2.2), which the key
 * derivation takes in (the {@code entityUInfo} of ECC-CMS-SharedInfo, RFC 5753 section 7.2): a changed binding
 * derives another key-encryption key and the content key does not unwrap. The recipient compares it with where it
 * found the field: a field moved to another record or place, or into another agency's copy, fails to open even
 * though the recipient's key unwraps it.
 *
 * <p>Encoded as the DER of {@code SEQUENCE { recordId UTF8String, pointer UTF8String, recipient UTF8String }}.
 *
 * @param recordId the id the copy carries ({@code recordId}, the copy's own for a pseudonymising flow)
 * @param pointer the field's JSON pointer in the copy as delivered (RFC 6901)
 * @param recipient the recipient agency's code
 */
public record FieldBinding(String recordId, String pointer, String recipient) {

    public FieldBinding {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** The DER encoding, the user keying material. */
    byte[] encoded() {
        try {
            return new DERSequence(new ASN1Encodable[]{new DERUTF8String(recordId), new DERUTF8String(pointer),
                    new DERUTF8String(recipient)}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    /** The binding in user keying material, or empty when there is none or it is not one. */
    static Optional<FieldBinding> decode(byte[] ukm) {
        if (ukm == null) {
            return Optional.empty();
        }
        try {
            ASN1Sequence value = ASN1Sequence.getInstance(ukm);
            if (value.size() != 3) {
                return Optional.empty();
            }
            return Optional.of(new FieldBinding(text(value, 0), text(value, 1), text(value, 2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(ASN1Sequence sequence, int index) {
        return ASN1UTF8String.getInstance(sequence.getObjectAt(index)).getString();
    }
}

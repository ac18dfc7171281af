package io.throughgate.deliver.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.throughgate.merkle.MerkleHashes;

/**
 * What the hub's signature on a message covers: not the value alone but the value bound to its delivery, so that a
 * message copied into another agency's inbox, or relabelled with another agreement or record id, no longer
 * verifies. It is the message's leaf in its batch's Merkle tree ({@link #leafHash}), whose root the hub signs
 * ({@link SignedBatchRoot}). The leaf's bytes are this text, UTF-8, each line ending in one line feed (U+000A), in this order:
 *
 * <pre>
 * throughgate-signed-delivery-v1
 * recipient:&lt;the recipient agency's code (tg_recipient)&gt;
 * topic:&lt;the inbox topic the message is in, tg.inbox.&lt;code&gt;&gt;
 * agreement:&lt;the agreement id (tg_agreement_id); empty for a notice from the hub&gt;
 * agreement-version:&lt;its version (tg_agreement_version); empty for a notice from the hub&gt;
 * record-id:&lt;the message's id (ce_id): the copy's record id, or the notice's id&gt;
 * key-id:&lt;the signing key's id (tg_signature_key_id)&gt;
 * value-sha256:&lt;SHA-256 of the value's exact bytes, 64 lowercase hex digits&gt;
 * </pre>
 *
 * A subscriber builds it from its own agency code and the topic it read from, never from the message's claim to
 * them, and from the message's headers for the rest. No part may hold a line break, so the form has one reading.
 *
 * @param recipient the recipient agency's code
 * @param topic the inbox topic
 * @param agreementId the agreement's id, or empty for a notice
 * @param agreementVersion the agreement's version, or empty for a notice
 * @param recordId the message's id ({@code ce_id})
 * @param keyId the signing key's id
 */
public record SignedDeliveryInput(String recipient, String topic, String agreementId, String agreementVersion,
        String recordId, String keyId) {

    /** The first line: which form this is. */
    public static final String FORM = "throughgate-signed-delivery-v1";

    /** @throws IllegalArgumentException if a part holds a line break (CR or LF) */
    public SignedDeliveryInput {
        for (String part : new String[]{recipient, topic, agreementId, agreementVersion, recordId, keyId}) {
            if (Objects.requireNonNull(part, "a part of the signed input").indexOf('\n') >= 0 || part.indexOf(
                    '\r') >= 0) {
                throw new IllegalArgumentException("a part of the signed input holds a line break");
            }
        }
    }

    /** The input of a notice from the hub itself: no agreement. */
    public static SignedDeliveryInput ofNotice(String recipient, String topic, String noticeId, String keyId) {
        return new SignedDeliveryInput(recipient, topic, "", "", noticeId, keyId);
    }

    /** The bytes signed for this value. */
    public byte[] bytes(byte[] value) {
        String text = FORM + "\nrecipient:" + recipient + "\ntopic:" + topic + "\nagreement:" + agreementId
                + "\nagreement-version:" + agreementVersion + "\nrecord-id:" + recordId + "\nkey-id:" + keyId
                + "\nvalue-sha256:" + HexFormat.of().formatHex(sha256(value)) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * This delivery's leaf in its batch's Merkle tree: {@code SHA-256(0x00 || bytes(value))}, the leaf hash of
     * RFC 9162 section 2.1.1 ({@link SignedBatchRoot}).
     */
    public byte[] leafHash(byte[] value) {
        return MerkleHashes.leafHash(bytes(value));
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}

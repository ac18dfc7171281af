package io.throughgate.subscriber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.DeliveryVerifier;
import io.throughgate.deliver.crypto.SignedBatchRoot;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.json.Json;
import io.throughgate.withdrawal.WithdrawalNotice;

/**
 * Opens one message of an agency's inbox topic ({@code tg.inbox.<agency-code>}) the way a partner should: first
 * proves that the hub sent it unchanged, then decrypts the fields the hub encrypted for the agency. Every check is
 * below, in order, with why it matters; a message that fails any of them is {@link Reading.Rejected rejected} and
 * must not be used. No Kafka connection, no files, no clock; thread-safe. It remembers the batch roots whose
 * signature it has verified, so that a batch's other messages cost a few hashes each, not a signature check.
 *
 * <p>
 * The inbox also carries the hub's own notices ({@code ce_type} {@code io.throughgate.notice.<type>.v<version>}),
 * today consent withdrawal notices. Their signature is verified with the same steps as a record's; then
 * {@link WithdrawalNoticeChecks} checks them and they are reported as {@link Reading.Notice}, not decrypted (they
 * have no encrypted fields).
 *
 * <p>
 * What the signature covers: the hub signs each delivery batch once, over the root of a Merkle tree
 * ({@link SignedBatchRoot}) whose leaves are the batch's {@link SignedDeliveryInput signed inputs}. A message's leaf
 * binds the value's SHA-256 to the recipient (this agency, never the message's claim), the topic the message was
 * read from, the agreement id and version, the message id ({@code ce_id}) and the signing key's id; its audit path
 * leads from that leaf to the signed root. A message copied into another agency's inbox, or relabelled
 * with another agreement or id, does not verify. The other CloudEvents headers are not signed, so this reader trusts
 * the signed value for the record's type and sender and rejects a message whose headers ({@code ce_id},
 * {@code ce_source}, {@code ce_type}) disagree with it. The Kafka key is reported as received.
 */
public final class InboxMessageReader {

    /** The one signature algorithm the hub uses, as named by the {@code tg_signature_algorithm} header. */
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** The prefix of {@code ce_source}: the sending agency's identity, as in its certificate. */
    public static final String SOURCE_PREFIX = "urn:throughgate:agency:";
    /** The prefix of {@code ce_type}, which is {@code io.throughgate.record.<type>.v<schemaVersion>}. */
    public static final String TYPE_PREFIX = "io.throughgate.record.";
    /** The prefix of {@code ce_type} of the hub's own notices, {@code io.throughgate.notice.<type>.v<version>}. */
    public static final String NOTICE_TYPE_PREFIX = WithdrawalNotice.CE_TYPE_PREFIX;

    private static final ObjectMapper JSON = Json.mapper();

    private final String agency;
    private final X509Certificate hubSigningCertificate;
    private final String hubKeyId;
    private final EncryptedFields encryptedFields;
    private final VerifiedRoots verifiedRoots = new VerifiedRoots();

    /**
     * @param agency the code of the agency whose inbox is read, e.g. {@code yoi-feltham}: a notice must be addressed
     *        to it
     * @param hubSigningCertificate the hub's delivery signing certificate ({@code certs-dev/hub/signing.crt} in
     *        development; {@code GET /v1/hub/signing-certificate} publishes it), obtained over a channel you trust
     * @param encryptionKey this agency's encryption private key ({@code <agency>-encryption.key})
     * @param encryptionCertificate this agency's encryption certificate ({@code <agency>-encryption.crt})
     */
    public InboxMessageReader(String agency, X509Certificate hubSigningCertificate, PrivateKey encryptionKey,
            X509Certificate encryptionCertificate) {
        this.agency = Objects.requireNonNull(agency, "agency");
        if (agency.isBlank()) {
            throw new IllegalArgumentException("agency is blank: give the code of the agency whose inbox is read");
        }
        this.hubSigningCertificate = Objects.requireNonNull(hubSigningCertificate, "hubSigningCertificate");
        // The key id is the first 16 hex digits of SHA-256 over the certificate's DER encoding.
        this.hubKeyId = DeliveryVerifier.keyIdOf(hubSigningCertificate);
        this.encryptedFields = new EncryptedFields(agency, Objects.requireNonNull(encryptionKey, "encryptionKey"),
                Objects.requireNonNull(encryptionCertificate, "encryptionCertificate"));
    }

    /** The key id this reader accepts in {@code tg_signature_key_id}: that of the configured hub certificate. */
    public String hubKeyId() {
        return hubKeyId;
    }

    /**
     * Checks and opens one message.
     *
     * @param message a message read with {@code isolation.level=read_committed}, key as a string, value as bytes
     * @return the opened record, the checked notice, or the reason the message was rejected; never throws for a bad
     *         message
     */
    public Reading read(ConsumerRecord<String, byte[]> message) {
        Objects.requireNonNull(message, "message");
        try {
            byte[] value = verifiedValue(message);
            // ce_type is not signed, so it only chooses which checks apply: a record relabelled as a notice (or the
            // reverse) fails them, since they compare it with the signed value.
            String ceType = header(message, "ce_type");
            if (ceType != null && ceType.startsWith(NOTICE_TYPE_PREFIX)) {
                return new Reading.Notice(WithdrawalNoticeChecks.check(message, parse(value), agency));
            }
            return new Reading.Opened(open(message, value));
        } catch (Rejection e) {
            String recordId = header(message, "ce_id");
            return new Reading.Rejected(recordId == null ? "?" : recordId, message.partition(), message.offset(),
                    e.getMessage());
        }
    }

    /**
     * Steps 1 to 6, for records and notices alike: the hub signed the value for this agency's inbox, and nothing
     * changed it since.
     *
     * @return the value's bytes, verified
     */
    private byte[] verifiedValue(ConsumerRecord<String, byte[]> message) throws Rejection {
        byte[] value = message.value();
        if (value == null) {
            throw new Rejection("the message has no value");
        }
        // 1. tg_signature_algorithm: accept only the algorithm the hub uses. Never let a message choose a weaker one.
        String algorithm = required(message, "tg_signature_algorithm");
        if (!SIGNATURE_ALGORITHM.equals(algorithm)) {
            throw new Rejection("tg_signature_algorithm is " + algorithm + ", not " + SIGNATURE_ALGORITHM);
        }
        // 2. tg_signature_key_id: which hub key signed. It must be the certificate configured here; a different id
        // means the hub rolled over to a new key (fetch GET /v1/hub/signing-certificate and check it), or a forgery.
        String keyId = required(message, "tg_signature_key_id");
        if (!hubKeyId.equals(keyId)) {
            throw new Rejection("tg_signature_key_id is " + keyId + ", but the hub signing certificate configured "
                    + "here has key id " + hubKeyId);
        }
        // 3. tg_recipient: the message must be addressed to this agency. (The signature below binds it to this
        // agency whatever the header says; this check only gives the clearer reason.)
        String recipient = required(message, "tg_recipient");
        if (!agency.equals(recipient)) {
            throw new Rejection("the message is addressed to " + recipient + ", not to " + agency);
        }
        // 4. The signed input (SignedDeliveryInput): this agency, the topic read from, the agreement, the message
        // id, the key id and the SHA-256 of the value's exact bytes, as received. Verify before parsing:
        // re-serialised JSON would have different bytes.
        SignedDeliveryInput input;
        try {
            input = new SignedDeliveryInput(agency, message.topic(), optional(message, "tg_agreement_id"), optional(
                    message, "tg_agreement_version"), required(message, "ce_id"), keyId);
        } catch (IllegalArgumentException e) {
            throw new Rejection("a header of the signed input holds a line break");
        }
        // 5. The batch: tg_batch_size, tg_batch_leaf_index and tg_batch_audit_path lead from the input's leaf hash,
        // SHA-256(0x00 || input), to the root of the batch's Merkle tree (RFC 9162 section 2.1.3.2). A path that
        // does not fit the index and size is refused here; a changed one leads to another root, which step 6 refuses.
        BatchProof proof = new BatchProof(number(message, "tg_batch_leaf_index"), number(message, "tg_batch_size"),
                BatchProof.parseAuditPath(required(message, "tg_batch_audit_path")).orElseThrow(() -> new Rejection(
                        "tg_batch_audit_path is not a comma-separated list of 64-digit lowercase hex hashes")),
                required(message, "tg_signature"));
        SignedBatchRoot root = DeliveryVerifier.signedRoot(input, value, proof).orElseThrow(() -> new Rejection(
                "tg_batch_audit_path does not fit leaf " + proof.leafIndex() + " of a batch of " + proof.treeSize()));
        // 6. tg_signature: base64 of a DER ECDSA P-256 signature over the batch root (SignedBatchRoot: the key id,
        // the tree size and the root). One signature covers the whole batch, so a verified one is remembered.
        if (!verifiedRoots.verify(root, proof.signature(), hubSigningCertificate)) {
            throw new Rejection("tg_signature does not verify with the hub key " + hubKeyId + " for " + agency
                    + " on " + message.topic() + ": the value, its agreement or id headers or its batch proof were "
                    + "changed after the hub signed it, it was signed for another inbox, or the hub did not sign it");
        }
        return value;
    }

    /** Steps 7 to 10, for a record whose value {@link #verifiedValue} verified. */
    private OpenedMessage open(ConsumerRecord<String, byte[]> message, byte[] value) throws Rejection {
        // 7. The value is the gated record, UTF-8 JSON (content-type application/json): an object.
        ObjectNode record = parse(value);
        String recordId = field(record, "recordId");
        String type = field(record, "type");
        String sender = field(record, "sender");
        String schemaVersion = field(record, "schemaVersion");
        // 8. The CloudEvents headers other than ce_id are not signed: they must say what the signed value says.
        expect(message, "ce_id", recordId);
        expect(message, "ce_source", SOURCE_PREFIX + sender);
        expect(message, "ce_type", TYPE_PREFIX + type + ".v" + schemaVersion);
        // 9. tg_agreement_id and tg_agreement_version (signed): under which agreement the record came (and so
        // which purposes it may be used for, and which pseudonyms its key belongs to).
        String agreement = required(message, "tg_agreement_id");
        int agreementVersion;
        try {
            agreementVersion = Integer.parseInt(required(message, "tg_agreement_version"));
        } catch (NumberFormatException e) {
            throw new Rejection("tg_agreement_version is not a number");
        }
        // 10. Decrypt every {"encrypted": ...} field with this agency's key. A field this agency cannot open
        // (encrypted for someone else, changed, or bound to another record, field or recipient) rejects the
        // message rather than passing it on half-read.
        try {
            encryptedFields.decryptInPlace(record);
        } catch (EncryptedFields.UnreadableField e) {
            throw new Rejection("cannot decrypt " + e.getMessage());
        }
        return new OpenedMessage(recordId, type, sender, agreement, agreementVersion, message.key(), record);
    }

    private static ObjectNode parse(byte[] value) throws Rejection {
        try {
            if (JSON.readTree(value) instanceof ObjectNode record) {
                return record;
            }
        } catch (IOException e) {
            // Reported below.
        }
        throw new Rejection("the value is not a JSON object");
    }

    /** A member of the value that is a string, number or boolean, as text. */
    static String field(ObjectNode value, String name) throws Rejection {
        JsonNode member = value.get(name);
        if (member == null || !member.isValueNode() || member.isNull()) {
            throw new Rejection("the value has no " + name);
        }
        return member.asText();
    }

    /** Rejects the message unless the header's value is what the signed value says. */
    static void expect(ConsumerRecord<String, byte[]> message, String name, String signed)
            throws Rejection {
        String received = required(message, name);
        if (!received.equals(signed)) {
            throw new Rejection("header " + name + " is " + received + ", but the signed value says " + signed);
        }
    }

    /** A header that must be a non-negative decimal number, below 2^63. */
    private static long number(ConsumerRecord<String, byte[]> message, String name) throws Rejection {
        String text = required(message, name);
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Rejection(name + " is not a decimal number");
        }
        return Long.parseLong(text);
    }

    /** A header's text, or empty when it is absent (the agreement headers of a notice from the hub). */
    private static String optional(ConsumerRecord<String, byte[]> message, String name) {
        String value = header(message, name);
        return value == null ? "" : value;
    }

    static String required(ConsumerRecord<String, byte[]> message, String name) throws Rejection {
        String value = header(message, name);
        if (value == null) {
            throw new Rejection("the header " + name + " is missing");
        }
        return value;
    }

    /** A header's value as UTF-8 text, or null; the last one if repeated. */
    private static String header(ConsumerRecord<String, byte[]> message, String name) {
        Header header = message.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A failed check; the message says which, never a field's value. */
    static final class Rejection extends Exception {

        private static final long serialVersionUID = 1L;

        Rejection(String reason) {
            super(reason, null, false, false);
        }
    }
}

package io.throughgate.subscriber;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.deliver.crypto.FieldBinding;
import io.throughgate.deliver.crypto.FieldDecryptionException;
import io.throughgate.deliver.crypto.FieldDecryptor;
import io.throughgate.json.Json;

/**
 * Finds the fields the hub encrypted for this agency and decrypts them in place.
 *
 * <p>
 * Where a sharing agreement says {@code encrypt}, the hub replaces the field's value with an object holding one
 * member, {@code {"encrypted": "<base64>"}}: the base64 of a DER-encoded CMS AuthEnvelopedData (RFC 5083, AES-256-GCM)
 * whose content key is wrapped for this agency's encryption certificate (ECDH key agreement, RFC 5753). Only the
 * holder of the agency's encryption private key can open it; the hub itself cannot. The decrypted content is the
 * field's original JSON (a string, a number, an object...), which takes the place of the {@code encrypted} object.
 * Each field is bound to the record id, the place and the agency it was encrypted for (its CMS authenticated
 * attributes, {@link FieldBinding}); a field found anywhere else is refused.
 */
final class EncryptedFields {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String ENCRYPTED = "encrypted";

    private final String agency;
    private final PrivateKey key;
    private final X509Certificate certificate;

    /**
     * @param agency this agency's code, which each field must be bound to
     * @param key this agency's encryption private key ({@code <agency>-encryption.key})
     * @param certificate its certificate ({@code <agency>-encryption.crt}): names the recipient in each CMS message
     */
    EncryptedFields(String agency, PrivateKey key, X509Certificate certificate) {
        this.agency = agency;
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * Decrypts every encrypted field of a record, at any depth, in place.
     *
     * @return the JSON pointers of the fields decrypted
     * @throws UnreadableField naming the first field that cannot be decrypted (encrypted for another agency, a
     *         changed ciphertext, a key that does not match the certificate) or whose plaintext is not JSON
     */
    List<String> decryptInPlace(ObjectNode record) throws UnreadableField {
        List<String> decrypted = new ArrayList<>();
        walk(record, "", record.path("recordId").asText(), decrypted);
        return decrypted;
    }

    private void walk(JsonNode node, String pointer, String recordId, List<String> decrypted)
            throws UnreadableField {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = pointer + "/" + escape(name);
                if (isEncrypted(object.get(name))) {
                    object.set(name, open(object.get(name).get(ENCRYPTED).asText(), recordId, path));
                    decrypted.add(path);
                } else {
                    walk(object.get(name), path, recordId, decrypted);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String path = pointer + "/" + i;
                if (isEncrypted(array.get(i))) {
                    array.set(i, open(array.get(i).get(ENCRYPTED).asText(), recordId, path));
                    decrypted.add(path);
                } else {
                    walk(array.get(i), path, recordId, decrypted);
                }
            }
        }
    }

    /** The hub's form of an encrypted field: an object with exactly one member, {@code encrypted}, a string. */
    static boolean isEncrypted(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.path(ENCRYPTED).isTextual();
    }

    private JsonNode open(String base64Cms, String recordId, String pointer) throws UnreadableField {
        byte[] plaintext;
        try {
            plaintext = FieldDecryptor.decrypt(base64Cms, key, certificate, new FieldBinding(recordId, pointer,
                    agency));
        } catch (FieldDecryptionException e) {
            throw new UnreadableField(pointer + ": " + e.getMessage());
        }
        try {
            return JSON.readTree(plaintext);
        } catch (IOException e) {
            throw new UnreadableField(pointer + ": the decrypted content is not JSON");
        }
    }

    /** A JSON pointer reference token (RFC 6901 section 3). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A field that cannot be decrypted; the message names it and says why, without any value. */
    static final class UnreadableField extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableField(String message) {
            super(message, null, false, false);
        }
    }
}

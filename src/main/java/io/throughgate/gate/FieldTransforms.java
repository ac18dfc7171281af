package io.throughgate.gate;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.agreement.Generalisation;
import io.throughgate.directory.Agency;

/** The value transformations the gate applies; each returns empty when the value cannot be so transformed. */
public interface FieldTransforms {

    /**
     * The pseudonym of an identifier under an agreement's domain.
     *
     * @param domain the agreement's pseudonym domain
     * @param field the field's pointer pattern, which tells the identifier's kind
     * @param value the value
     */
    Optional<String> pseudonymise(String domain, String field, JsonNode value);

    /** The value made less precise, or empty when it cannot be. */
    Optional<JsonNode> generalise(JsonNode value, Generalisation how);

    /**
     * The value encrypted so only the recipient can read it, bound to where it travels, or empty when the recipient
     * has no encryption key.
     *
     * @param recordId the record id the copy carries
     * @param pointer the field's JSON pointer in the copy (RFC 6901)
     */
    Optional<String> encrypt(JsonNode value, Agency recipient, String recordId, String pointer);

    /**
     * A record id of the copy's own, derived from the sender's under an agreement's domain: a UUID (RFC 9562
     * version 8) that is the same for every copy of the record under that agreement version and cannot be linked
     * to the sender's id or to another agreement's.
     *
     * @param domain the agreement's pseudonym domain
     * @param recordId the sender's record id
     */
    String recordId(String domain, String recordId);
}

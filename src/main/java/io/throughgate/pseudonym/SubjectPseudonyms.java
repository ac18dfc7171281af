package io.throughgate.pseudonym;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hub-wide pseudonyms of a child: one per identifier, in the {@code subject} domain. The hub stores these,
 * never the identifiers, and finds a child's consent decisions and sharing-log entries by any of them.
 */
public final class SubjectPseudonyms {

    /** The pseudonym domain of the hub's own index of children. */
    public static final String DOMAIN = "subject";

    private final Pseudonyms pseudonyms;

    public SubjectPseudonyms(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The pseudonyms to store for a subject, under the active key, most widely shared identifier first. */
    public List<String> of(JsonNode subject) {
        return SubjectIdentifier.of(subject).stream().map(id -> pseudonyms.of(DOMAIN, id.kind(), id.value()))
                .toList();
    }

    /** The pseudonyms to look a subject up by: under every key, so data made before a key rotation is found. */
    public Set<String> lookup(JsonNode subject) {
        Set<String> all = new LinkedHashSet<>();
        for (SubjectIdentifier id : SubjectIdentifier.of(subject)) {
            for (String keyId : pseudonyms.keyring().keyIds()) {
                all.add(pseudonyms.of(keyId, DOMAIN, id.kind(), id.value()));
            }
        }
        return all;
    }
}

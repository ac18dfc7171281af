package io.throughgate.dpo.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.throughgate.consent.ConsentDecision;
import io.throughgate.sharinglog.IndexedEntry;

/**
 * What the hub holds about one child for a subject access request: every sharing-log entry about the child that the
 * requesting data protection officer may see, and the child's consent decisions. It holds no value of any record
 * and no identifier: the child appears only as the hub's pseudonyms.
 *
 * @param generatedAt when the report was made
 * @param requestedBy the agency code of the data protection officer who asked for it
 * @param complete true when the requester is the partnership's data protection officer and the report covers every
 *        agency; false when it holds only the entries where the requester's agency is the sender or the recipient
 * @param subjectPseudonyms the child's hub-wide pseudonyms the entries and decisions were found by
 * @param entries the sharing-log entries about the child
 * @param consentDecisions the child's consent decisions, with their withdrawals
 * @param verification the signed checkpoint of the log the entries can be checked against, if there is one
 */
public record SubjectAccessReport(Instant generatedAt, String requestedBy, boolean complete,
        List<String> subjectPseudonyms, List<IndexedEntry> entries, List<ConsentDecision> consentDecisions,
        Optional<Verification> verification) {

    /**
     * @throws NullPointerException when a member, or an element of a list, is null
     */
    public SubjectAccessReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(requestedBy, "requestedBy");
        subjectPseudonyms = List.copyOf(Objects.requireNonNull(subjectPseudonyms, "subjectPseudonyms"));
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        consentDecisions = List.copyOf(Objects.requireNonNull(consentDecisions, "consentDecisions"));
        Objects.requireNonNull(verification, "verification");
    }

    /**
     * The signed checkpoint of the sharing log (its Merkle tree head) that the report's entries can be checked
     * against; the JSON export carries an inclusion proof of each entry in the tree of this size.
     *
     * @param treeSize the number of entries in the log at the checkpoint
     * @param rootHash the tree's root hash, as the checkpoint writes it
     * @param issuedAt when the hub signed the checkpoint
     * @param keyName the name of the key that signed it
     */
    public record Verification(long treeSize, String rootHash, Instant issuedAt, String keyName) {

        /**
         * @throws IllegalArgumentException when the tree size is negative
         * @throws NullPointerException when a member is null
         */
        public Verification {
            if (treeSize < 0) {
                throw new IllegalArgumentException("treeSize must be 0 or more, was " + treeSize);
            }
            Objects.requireNonNull(rootHash, "rootHash");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(keyName, "keyName");
        }
    }
}

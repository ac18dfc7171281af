package io.throughgate.sharinglog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a data protection officer looks for in the sharing log. Every criterion given must match.
 *
 * @param visibleTo the agency whose entries (as sender or recipient) may be returned; empty for the partnership,
 *        which sees every entry
 * @param subjectPseudonyms the child, as the hub's pseudonyms under every key; empty for any child
 * @param agency an agency that sent or received
 * @param agreementId the agreement
 * @param recordType the record type
 * @param outcome delivered or withheld
 * @param from received at or after
 * @param to received before
 * @param after return entries after this index (the previous page's last), or -1 from the start
 * @param limit the most entries to return
 */
public record LogSearch(Optional<String> visibleTo, Set<String> subjectPseudonyms, Optional<String> agency,
        Optional<String> agreementId, Optional<String> recordType, Optional<String> outcome, Optional<Instant> from,
        Optional<Instant> to, long after, int limit) {

    public LogSearch {
        Objects.requireNonNull(visibleTo, "visibleTo");
        subjectPseudonyms = Set.copyOf(subjectPseudonyms);
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (after < -1) {
            throw new IllegalArgumentException("after must be -1 or an entry index, was " + after);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Everything about one child that an agency (or, with no agency, the partnership) may see. */
    public static LogSearch ofChild(Optional<String> visibleTo, Set<String> subjectPseudonyms, int limit) {
        return new LogSearch(visibleTo, subjectPseudonyms, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), -1, limit);
    }

    /** The same search from another point. */
    public LogSearch after(long index) {
        return new LogSearch(visibleTo, subjectPseudonyms, agency, agreementId, recordType, outcome, from, to, index,
                limit);
    }
}

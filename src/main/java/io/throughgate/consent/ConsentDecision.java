package io.throughgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A recorded consent decision about one child, for one purpose. The child is held only as the hub's pseudonyms
 * (one per identifier), never as identifiers.
 *
 * @param id the decision's id
 * @param subjectPseudonyms the child's hub-wide pseudonyms
 * @param purpose the purpose, from {@code contracts/purposes.yaml}
 * @param scope which recipients and record types it covers
 * @param provision permit or deny
 * @param validFrom the first day it applies
 * @param validUntil the last day it applies, if it ends
 * @param decidedBy who decided
 * @param recordedBy the agency that recorded it (from its client certificate)
 * @param evidenceReference where the agency keeps the evidence (its form or case note reference)
 * @param recordedAt when the hub acknowledged it
 * @param withdrawal its withdrawal, once withdrawn
 */
public record ConsentDecision(UUID id, List<String> subjectPseudonyms, String purpose, ConsentScope scope,
        Provision provision, LocalDate validFrom, Optional<LocalDate> validUntil, Decider decidedBy,
        String recordedBy, String evidenceReference, Instant recordedAt, Optional<Withdrawal> withdrawal) {

    public ConsentDecision {
        Objects.requireNonNull(id, "id");
        subjectPseudonyms = List.copyOf(subjectPseudonyms);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(evidenceReference, "evidenceReference");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(withdrawal, "withdrawal");
    }

    /**
     * A withdrawal of a decision.
     *
     * @param withdrawnAt when the hub acknowledged it; records received after this are checked without the decision
     * @param withdrawnBy the agency that recorded the withdrawal
     * @param evidenceReference where that agency keeps the evidence
     */
    public record Withdrawal(Instant withdrawnAt, String withdrawnBy, String evidenceReference) {
    }

    /**
     * Whether the decision applies on a day: within its days and not withdrawn. A withdrawal counts as soon as the
     * hub knows of it; the hub makes sure it knows of every withdrawal acknowledged before a record arrived.
     */
    public boolean appliesOn(LocalDate day) {
        return withdrawal.isEmpty() && !day.isBefore(validFrom) && validUntil.map(last -> !day.isAfter(last))
                .orElse(true);
    }

    /**
     * Whether the decision applied at an instant in the past: the hub had acknowledged it, had not yet acknowledged
     * its withdrawal, and the day was within its days. What a record received at that instant was checked against.
     *
     * @param at the instant
     * @param day its day, in London
     */
    public boolean appliedAt(Instant at, LocalDate day) {
        return !recordedAt.isAfter(at) && withdrawal.map(by -> by.withdrawnAt().isAfter(at)).orElse(true) && !day
                .isBefore(validFrom) && validUntil.map(last -> !day.isAfter(last)).orElse(true);
    }

    /** The decision withdrawn. */
    public ConsentDecision withdrawn(Withdrawal by) {
        return new ConsentDecision(id, subjectPseudonyms, purpose, scope, provision, validFrom, validUntil, decidedBy,
                recordedBy, evidenceReference, recordedAt, Optional.of(by));
    }
}

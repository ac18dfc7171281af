package io.throughgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.throughgate.directory.Agency;

/**
 * Answers consent questions from the in-memory view. A refusal beats a permission; with neither, the answer is no
 * (sharing that needs consent never goes without it).
 */
public final class ConsentCheck {

    private final ConsentView view;

    public ConsentCheck(ConsentView view) {
        this.view = view;
    }

    /**
     * May a field of a record about a child go to a recipient for a purpose on a day?
     *
     * @param subjectPseudonyms the child's hub-wide pseudonyms
     * @param purpose the consent purpose the agreement's rule names
     * @param recipient the recipient agency
     * @param recordType the record's type
     * @param day today, in London
     */
    public ConsentAnswer answer(Collection<String> subjectPseudonyms, String purpose, Agency recipient,
            String recordType, LocalDate day) {
        return answer(subjectPseudonyms, purpose, recipient, recordType, decision -> decision.appliesOn(day));
    }

    /**
     * What the answer was at an instant in the past, from the decisions in force then: the question a replay of a
     * draft agreement over the sharing log asks of each entry.
     *
     * @param subjectPseudonyms the child's hub-wide pseudonyms
     * @param purpose the consent purpose the draft's rule names
     * @param recipient the recipient agency
     * @param recordType the record's type
     * @param at when the hub received the record
     * @param day that instant's day, in London
     */
    public ConsentAnswer answerAsAt(Collection<String> subjectPseudonyms, String purpose, Agency recipient,
            String recordType, Instant at, LocalDate day) {
        return answer(subjectPseudonyms, purpose, recipient, recordType, decision -> decision.appliedAt(at, day));
    }

    private ConsentAnswer answer(Collection<String> subjectPseudonyms, String purpose, Agency recipient,
            String recordType, Predicate<ConsentDecision> inForce) {
        List<ConsentDecision> applicable = view.about(subjectPseudonyms).stream()
                .filter(decision -> decision.purpose().equals(purpose) && inForce.test(decision)
                        && decision.scope().covers(recipient, recordType))
                .toList();
        Optional<ConsentDecision> refusal = latest(applicable, Provision.DENY);
        if (refusal.isPresent()) {
            return new ConsentAnswer(false, Optional.of(refusal.get().id()), "consent for " + purpose + " refused");
        }
        Optional<ConsentDecision> permission = latest(applicable, Provision.PERMIT);
        return permission.map(decision -> new ConsentAnswer(true, Optional.of(decision.id()), "consent for "
                + purpose + " given")).orElseGet(() -> new ConsentAnswer(false, Optional.empty(),
                        "no consent for " + purpose + " covers " + recipient.code()));
    }

    private static Optional<ConsentDecision> latest(List<ConsentDecision> decisions, Provision provision) {
        return decisions.stream().filter(decision -> decision.provision() == provision)
                .reduce((earlier, later) -> later);
    }
}

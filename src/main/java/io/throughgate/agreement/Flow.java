package io.throughgate.agreement;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One permitted flow of an agreement: which record types may go from which senders to which recipients, for
 * which purpose, and what happens to each field on the way.
 *
 * @param id the flow's id, unique in its agreement, e.g. {@code release-to-supervising-yot}
 * @param recordTypes the record types the flow carries, e.g. {@code release-notification}
 * @param senders the agencies that may send them
 * @param recipients how the recipients are chosen
 * @param purpose the purpose of the flow, from {@code contracts/purposes.yaml}
 * @param fields the field rules; fields they do not cover are withheld
 * @param envelope how the copies carry the record id and the time it happened
 */
public record Flow(String id, Set<String> recordTypes, AgencySelector senders, List<RecipientRule> recipients,
        String purpose, FieldRuleSet fields, EnvelopeRules envelope) {

    public Flow {
        Objects.requireNonNull(id, "id");
        recordTypes = Set.copyOf(recordTypes);
        Objects.requireNonNull(senders, "senders");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(envelope, "envelope");
    }
}

package io.throughgate.consent;

import java.util.Set;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyKind;

/**
 * What a consent decision covers. An empty set places no limit on that dimension.
 *
 * @param recipients the recipient agencies, by code
 * @param recipientKinds the recipient agencies, by kind
 * @param recordTypes the record types
 */
public record ConsentScope(Set<String> recipients, Set<AgencyKind> recipientKinds, Set<String> recordTypes) {

    public ConsentScope {
        recipients = Set.copyOf(recipients);
        recipientKinds = Set.copyOf(recipientKinds);
        recordTypes = Set.copyOf(recordTypes);
    }

    /** Whether the decision covers a recipient and a record type. */
    public boolean covers(Agency recipient, String recordType) {
        boolean anyRecipient = recipients.isEmpty() && recipientKinds.isEmpty();
        boolean recipientCovered = anyRecipient || recipients.contains(recipient.code())
                || recipientKinds.contains(recipient.kind());
        return recipientCovered && (recordTypes.isEmpty() || recordTypes.contains(recordType));
    }
}

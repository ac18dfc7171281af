package io.throughgate.exchange;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record as one recipient may receive it, and what happened to each field.
 *
 * @param value the record with only the fields the agreement lets through, each in the form its rule says
 * @param fields the outcome of every field the record had
 * @param consentDecisions the consent decisions relied on
 */
public record GatedRecord(ObjectNode value, List<FieldOutcome> fields, Set<UUID> consentDecisions) {

    /**
     * The envelope fields that always travel: they identify the record, not the child. A pseudonymising flow's copy
     * carries a record id of its own and the time generalised.
     */
    public static final List<String> ENVELOPE = List.of("recordId", "type", "schemaVersion", "sender", "occurredAt");

    public GatedRecord {
        fields = List.copyOf(fields);
        consentDecisions = Set.copyOf(consentDecisions);
    }

    /** Whether the copy carries anything beyond the envelope: when it does not, nothing is delivered. */
    public boolean carriesFields() {
        return value.size() > ENVELOPE.size();
    }

    /** The fields withheld, with their reasons. */
    public List<FieldOutcome> withheld() {
        return fields.stream().filter(field -> field.outcome() == io.throughgate.agreement.FieldAction.WITHHOLD)
                .toList();
    }
}

package io.throughgate.gate;

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

    public GatedRecord {
        fields = List.copyOf(fields);
        consentDecisions = Set.copyOf(consentDecisions);
    }

    /** The fields withheld, with their reasons. */
    public List<FieldOutcome> withheld() {
        return fields.stream().filter(field -> field.outcome() == io.throughgate.agreement.FieldAction.WITHHOLD)
                .toList();
    }
}

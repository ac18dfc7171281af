package io.throughgate.agreement;

import java.util.Objects;
import java.util.Optional;

/**
 * How a flow's copies carry the record's envelope. By default the record id and the time it happened travel as
 * sent, which lets recipients of one record link their copies. A pseudonymising flow (evaluation) gives each copy a
 * record id of its own, derived under the agreement's pseudonym domain, and generalises the time, so that its copies
 * cannot be linked to the copies of any other agreement.
 *
 * @param pseudonymousRecordId whether the copy carries a record id derived under the agreement's pseudonym domain
 *        (as {@code recordId}, {@code ce_id} and the key of last resort) instead of the sender's
 * @param occurredAt how {@code occurredAt} and {@code ce_time} are generalised; empty to send them as they are
 */
public record EnvelopeRules(boolean pseudonymousRecordId, Optional<Generalisation> occurredAt) {

    /** The envelope as sent: for direct care, where recipients coordinate about the same record. */
    public static final EnvelopeRules AS_SENT = new EnvelopeRules(false, Optional.empty());

    public EnvelopeRules {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Whether the copy carries nothing of the envelope that another agreement's copy carries verbatim. */
    public boolean unlinkable() {
        return pseudonymousRecordId && occurredAt.isPresent();
    }
}

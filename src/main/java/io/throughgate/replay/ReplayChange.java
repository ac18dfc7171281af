package io.throughgate.replay;

import java.util.Objects;
import java.util.Optional;

import io.throughgate.agreement.AgreementChanges.Kind;

/**
 * One difference a draft agreement would have made to the deliveries of the sharing log: for a flow and recipient,
 * a field newly released, newly withheld or changing form, consent now needed or no longer needed, or the recipient
 * gained or lost. The replay counts the deliveries and children each applies to.
 *
 * @param kind what would change
 * @param flow the flow (of the draft, or for a lost recipient of the version the delivery went under)
 * @param recipient the recipient agency's code
 * @param field the field's pointer, for a field change
 * @param before what went (a form such as {@code share}, or a consent purpose), empty when nothing did
 * @param after what would go, empty when nothing would
 */
public record ReplayChange(Kind kind, String flow, String recipient, Optional<String> field, Optional<String> before,
        Optional<String> after) {

    public ReplayChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}

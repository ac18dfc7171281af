package io.throughgate.exchange;

import java.util.Objects;
import java.util.Optional;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.Flow;
import io.throughgate.directory.Agency;

/**
 * One recipient a record goes to, and under which agreement and flow.
 *
 * @param agreement the agreement in force that lets it go
 * @param flow the flow of that agreement
 * @param recipient the recipient agency
 * @param routedBy the routing field that named the recipient, empty for a fixed recipient
 */
public record PlannedDelivery(AgreementState agreement, Flow flow, Agency recipient, Optional<String> routedBy) {

    public PlannedDelivery {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(routedBy, "routedBy");
    }

    /** A delivery to a fixed recipient, or one the hub chose itself. */
    public PlannedDelivery(AgreementState agreement, Flow flow, Agency recipient) {
        this(agreement, flow, recipient, Optional.empty());
    }

    /** The pseudonym domain of the agreement's version: recipients under it share pseudonyms, no one else does. */
    public String pseudonymDomain() {
        return "agreement:" + agreement.id() + ":" + agreement.agreement().orElseThrow().version();
    }
}

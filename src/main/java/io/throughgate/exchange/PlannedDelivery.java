package io.throughgate.exchange;

import java.util.Objects;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.Flow;
import io.throughgate.directory.Agency;

/**
 * One recipient a record goes to, and under which agreement and flow.
 *
 * @param agreement the agreement in force that lets it go
 * @param flow the flow of that agreement
 * @param recipient the recipient agency
 */
public record PlannedDelivery(AgreementState agreement, Flow flow, Agency recipient) {

    public PlannedDelivery {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** The pseudonym domain of the agreement's version: recipients under it share pseudonyms, no one else does. */
    public String pseudonymDomain() {
        return "agreement:" + agreement.id() + ":" + agreement.agreement().orElseThrow().version();
    }
}

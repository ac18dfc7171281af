package io.throughgate.consent.api;

import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentScope;
import io.throughgate.identity.AgencyIdentity;

/**
 * Who may see and change a consent decision: only those it concerns.
 * <ul>
 * <li>Read (by id, in a child's history, in a DPO's list): the agency that recorded it and the agencies its scope
 * names as recipients, by code or by kind; their systems and their DPOs alike; the partnership's DPO reads every
 * decision. A decision whose scope names no recipient (it covers every recipient) concerns only the agency that
 * recorded it, so a child's refusal to share everywhere is not itself shared everywhere.</li>
 * <li>Withdraw: the agency that recorded it (its system or its DPO) or the partnership's DPO; an agency merely named
 * as a recipient may not withdraw the child's decision.</li>
 * </ul>
 */
final class ConsentAccess {

    private ConsentAccess() {
    }

    /** Whether the caller may read the decision. */
    static boolean mayRead(AgencyIdentity caller, ConsentDecision decision) {
        return caller.isPartnershipDpo() || recordedBy(caller, decision) || namedIn(caller, decision.scope());
    }

    /** Whether the caller may withdraw the decision. */
    static boolean mayWithdraw(AgencyIdentity caller, ConsentDecision decision) {
        return caller.isPartnershipDpo() || recordedBy(caller, decision);
    }

    private static boolean recordedBy(AgencyIdentity caller, ConsentDecision decision) {
        return decision.recordedBy().equals(caller.agency().code());
    }

    private static boolean namedIn(AgencyIdentity caller, ConsentScope scope) {
        return scope.recipients().contains(caller.agency().code())
                || scope.recipientKinds().contains(caller.agency().kind());
    }
}

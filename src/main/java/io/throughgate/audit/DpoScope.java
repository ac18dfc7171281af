package io.throughgate.audit;

import java.util.Optional;

import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Role;
import io.throughgate.sharinglog.SharingLogEvent;

/**
 * What a data protection officer may see of the sharing log: the entries where their agency is sender or recipient;
 * the partnership's DPO sees every entry.
 *
 * @param agency the DPO's agency
 * @param wholeLog whether the DPO is the partnership's, who sees everything
 * @param certificateSerial the DPO certificate's serial, for the audit of DPO queries
 */
public record DpoScope(String agency, boolean wholeLog, String certificateSerial) {

    /** The scope of a caller, or empty when the caller's certificate is not a DPO's. */
    public static Optional<DpoScope> of(AgencyIdentity identity) {
        if (!identity.has(Role.DPO)) {
            return Optional.empty();
        }
        return Optional.of(new DpoScope(identity.agency().code(), identity.isPartnershipDpo(),
                identity.certificateSerial()));
    }

    /** The agency a search is limited to, or empty for the whole log. */
    public Optional<String> visibleTo() {
        return wholeLog ? Optional.empty() : Optional.of(agency);
    }

    /** Whether an entry is visible. */
    public boolean sees(SharingLogEvent event) {
        return wholeLog || agency.equals(event.sender()) || agency.equals(event.recipient());
    }
}

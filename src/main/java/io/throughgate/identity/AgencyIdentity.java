package io.throughgate.identity;

import java.util.Objects;
import java.util.Set;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyKind;

/**
 * Who is calling: an agency of the directory, in force today, proven by a client certificate from a trusted CA.
 *
 * @param agency the calling agency
 * @param roles what the certificate allows beyond {@link Role#AGENCY}, which every identity has
 * @param certificateSerial the certificate's serial number in hex, for the audit trail
 */
public record AgencyIdentity(Agency agency, Set<Role> roles, String certificateSerial) {

    public AgencyIdentity {
        Objects.requireNonNull(agency, "agency");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(certificateSerial, "certificateSerial");
    }

    /** Whether the certificate carries this role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this is the partnership's data protection officer, who reviews every agency's sharing and consent. */
    public boolean isPartnershipDpo() {
        return has(Role.DPO) && agency.kind() == AgencyKind.PARTNERSHIP;
    }
}

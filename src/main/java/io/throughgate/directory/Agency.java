package io.throughgate.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One agency of the directory: a data controller that may send or receive records through the hub.
 *
 * @param code the agency code, a lowercase slug starting with the kind's code, e.g. {@code yot-camden}
 * @param kind what kind of body it is
 * @param displayName the name people know it by
 * @param validFrom the first day it may exchange records
 * @param validUntil the last day it may exchange records, if it has one
 * @param certificateIdentity the subject alternative name URI its client certificates carry
 * @param issuers the ids of the {@link PinnedAuthority pinned CAs} allowed to issue its certificates, at least one
 * @param details descriptive facts that do not change what the hub does (borough, GSS code, location)
 */
public record Agency(
        String code,
        AgencyKind kind,
        String displayName,
        LocalDate validFrom,
        Optional<LocalDate> validUntil,
        String certificateIdentity,
        List<String> issuers,
        AgencyDetails details) {

    /** The URI prefix of an agency's certificate identity; the agency code follows it. */
    public static final String IDENTITY_PREFIX = "urn:throughgate:agency:";

    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(certificateIdentity, "certificateIdentity");
        issuers = List.copyOf(issuers);
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("agency " + code + " names no CA allowed to issue its certificates");
        }
        Objects.requireNonNull(details, "details");
    }

    /** Whether the agency may exchange records on this day (both ends inclusive). */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && validUntil.map(last -> !day.isAfter(last)).orElse(true);
    }
}

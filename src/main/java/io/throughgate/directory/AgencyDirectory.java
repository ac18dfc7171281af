package io.throughgate.directory;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every agency the hub knows, by code, and the certificate authorities pinned for them, as loaded and validated
 * from {@code contracts/agencies.yaml}. Safe to share between threads.
 *
 * <p>
 * The hub holds one directory for its whole life and {@link #replaceWith replaces its content} when the file
 * changes, so that a new agency, a withdrawn one or a changed CA pin takes effect without a restart. Each call sees
 * one whole version of the file, never a mix; two calls may see two versions.
 */
public final class AgencyDirectory {

    private volatile Content content;

    private record Content(Map<String, Agency> agenciesByCode, Map<String, PinnedAuthority> authoritiesById,
            String sha256) {
    }

    /**
     * @param agencies the agencies in directory order; codes must be unique and every issuer must be among the
     *        authorities
     * @param authorities the pinned certificate authorities; ids must be unique
     * @param sha256 the hex SHA-256 of the directory file, recorded so an auditor can tell which directory was in
     *        force
     */
    public AgencyDirectory(List<Agency> agencies, List<PinnedAuthority> authorities, String sha256) {
        Map<String, PinnedAuthority> byId = new LinkedHashMap<>();
        for (PinnedAuthority authority : authorities) {
            if (byId.putIfAbsent(authority.id(), authority) != null) {
                throw new IllegalArgumentException("certificate authority " + authority.id() + " appears twice");
            }
        }
        Map<String, Agency> byCode = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            if (byCode.putIfAbsent(agency.code(), agency) != null) {
                throw new IllegalArgumentException("agency code " + agency.code() + " appears twice");
            }
            agency.issuers().stream().filter(issuer -> !byId.containsKey(issuer)).findFirst().ifPresent(issuer -> {
                throw new IllegalArgumentException("agency " + agency.code() + " names issuer " + issuer
                        + ", which is not among the certificate authorities");
            });
        }
        this.content = new Content(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(byId),
                Objects.requireNonNull(sha256, "sha256"));
    }

    /** The agency with this code, or empty when the directory has none. */
    public Optional<Agency> find(String code) {
        return Optional.ofNullable(content.agenciesByCode().get(code));
    }

    /** Every agency, in directory order. */
    public Collection<Agency> all() {
        return content.agenciesByCode().values();
    }

    /** The agencies of one kind, in directory order. */
    public List<Agency> ofKind(AgencyKind kind) {
        return all().stream().filter(agency -> agency.kind() == kind).toList();
    }

    /** The certificate authorities allowed to issue this agency's certificates, in the agency's order. */
    public List<PinnedAuthority> issuersOf(Agency agency) {
        Map<String, PinnedAuthority> authorities = content.authoritiesById();
        return agency.issuers().stream().map(authorities::get).filter(Objects::nonNull).toList();
    }

    /** Every pinned certificate authority, in directory order. */
    public Collection<PinnedAuthority> authorities() {
        return content.authoritiesById().values();
    }

    /** The hex SHA-256 of the directory file this was loaded from. */
    public String sha256() {
        return content.sha256();
    }

    /**
     * Takes over a newer version of the directory. An agency is withdrawn by its {@code validUntil}, never by
     * deletion, because agreements, consent decisions and the sharing log keep naming it.
     *
     * @param newer the directory loaded from the changed file
     * @throws IllegalArgumentException naming the codes, if the newer version lacks agencies this one has; nothing
     *         changes then
     */
    public void replaceWith(AgencyDirectory newer) {
        Content next = newer.content;
        Set<String> missing = new TreeSet<>(content.agenciesByCode().keySet());
        missing.removeAll(next.agenciesByCode().keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the new directory removes " + String.join(", ", missing)
                    + "; withdraw an agency by its validUntil instead");
        }
        content = next;
    }
}

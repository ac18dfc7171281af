package io.throughgate.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every agency the hub knows, by code, as loaded and validated from {@code contracts/agencies.yaml}.
 * Immutable and safe to share between threads.
 */
public final class AgencyDirectory {

    private final Map<String, Agency> agenciesByCode;
    private final String sha256;

    /**
     * @param agencies the agencies in directory order; codes must be unique
     * @param sha256 the hex SHA-256 of the directory file, recorded so an auditor can tell which directory was in
     *        force
     */
    public AgencyDirectory(List<Agency> agencies, String sha256) {
        Map<String, Agency> byCode = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            if (byCode.putIfAbsent(agency.code(), agency) != null) {
                throw new IllegalArgumentException("agency code " + agency.code() + " appears twice");
            }
        }
        this.agenciesByCode = Collections.unmodifiableMap(byCode);
        this.sha256 = sha256;
    }

    /** The agency with this code, or empty when the directory has none. */
    public Optional<Agency> find(String code) {
        return Optional.ofNullable(agenciesByCode.get(code));
    }

    /** Every agency, in directory order. */
    public Collection<Agency> all() {
        return agenciesByCode.values();
    }

    /** The agencies of one kind, in directory order. */
    public List<Agency> ofKind(AgencyKind kind) {
        return agenciesByCode.values().stream().filter(agency -> agency.kind() == kind).toList();
    }

    /** The agencies that may exchange records on this day. */
    public List<Agency> validOn(LocalDate day) {
        return agenciesByCode.values().stream().filter(agency -> agency.isValidOn(day)).toList();
    }

    /** The hex SHA-256 of the directory file this was loaded from. */
    public String sha256() {
        return sha256;
    }
}

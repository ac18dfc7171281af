package io.throughgate.identity;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pki.TrustedAuthorities;

/**
 * The revocations in force: the CRL files of {@code throughgate.identity.crl-directory} and the deny list of the
 * contracts, merged. Loaded at start (a malformed deny list stops start-up) and again by {@link TrustReloader}
 * whenever a file changes (a malformed one is then reported and the previous revocations stay).
 */
public final class RevocationRegistry {

    private static final Logger LOG = Logger.getLogger(RevocationRegistry.class);

    private final ContractFiles contracts;
    private final Path crlDirectory;
    private final TrustedAuthorities authorities;
    private final AgencyDirectory directory;
    private final Clock clock;
    private volatile Revocations current;

    RevocationRegistry(ContractFiles contracts, Path crlDirectory, TrustedAuthorities authorities,
            AgencyDirectory directory, Clock clock) {
        this.contracts = contracts;
        this.crlDirectory = crlDirectory;
        this.authorities = authorities;
        this.directory = directory;
        this.clock = clock;
        this.current = load();
    }

    /** The revocations in force now. */
    public Revocations current() {
        return current;
    }

    /**
     * Reads the CRL files and the deny list again and puts them in force.
     *
     * @throws io.throughgate.contract.InvalidContractException if the deny list is malformed; the revocations in
     *         force do not change then
     */
    void reload() {
        current = load();
    }

    /** The CRL folder this registry reads. */
    Path crlDirectory() {
        return crlDirectory;
    }

    private Revocations load() {
        Map<String, Map<BigInteger, String>> revoked = new HashMap<>(
                CrlFiles.read(crlDirectory, authorities, clock.instant()));
        DenyListParser.parse(contracts.read(DenyListParser.FILE), directory).forEach((pin, serials) -> revoked
                .merge(pin, serials, (fromCrl, fromDenyList) -> {
                    Map<BigInteger, String> merged = new HashMap<>(fromCrl);
                    merged.putAll(fromDenyList);
                    return merged;
                }));
        Revocations revocations = new Revocations(revoked);
        LOG.infof("certificate revocations: %d, from the CRLs of %s and the deny list %s", revocations.size(),
                crlDirectory, DenyListParser.FILE);
        return revocations;
    }
}

package io.throughgate.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.Digests;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryChanged;
import io.throughgate.directory.AgencyDirectoryLoader;

/**
 * Puts changes to the agency directory, the deny list and the CRL files in force without a restart: every
 * {@code throughgate.identity.reload-interval} it compares the files with what is in force and reloads what
 * changed. Client certificates are checked against the directory and the revocations on every request, so a
 * revoked certificate is refused from the first check after the file changed, within one interval. A file that no
 * longer parses is reported in the log and the version in force stays. {@link TrustReloadSchedule} runs it.
 */
public final class TrustReloader {

    private static final Logger LOG = Logger.getLogger(TrustReloader.class);

    private final ContractFiles contracts;
    private final AgencyDirectory directory;
    private final RevocationRegistry revocations;
    private final Consumer<AgencyDirectoryChanged> directoryChanged;
    private String denyListDigest;
    private String crlFingerprint;

    /**
     * @param contracts where the directory and the deny list are read
     * @param directory the directory in force, replaced in place when its file changes
     * @param revocations the revocations in force
     * @param directoryChanged told after a changed directory was put in force
     */
    public TrustReloader(ContractFiles contracts, AgencyDirectory directory, RevocationRegistry revocations,
            Consumer<AgencyDirectoryChanged> directoryChanged) {
        this.contracts = contracts;
        this.directory = directory;
        this.revocations = revocations;
        this.directoryChanged = directoryChanged;
        this.denyListDigest = denyListDigest();
        this.crlFingerprint = crlFingerprint();
    }

    /** Compares every watched file with what is in force and reloads what changed; never throws. */
    public void reloadChanged() {
        try {
            boolean directoryChanged = reloadDirectory();
            String denyList = denyListDigest();
            String crls = crlFingerprint();
            if (directoryChanged || !Objects.equals(denyList, denyListDigest) || !crls.equals(crlFingerprint)) {
                revocations.reload();
                denyListDigest = denyList;
                crlFingerprint = crls;
            }
        } catch (RuntimeException e) {
            LOG.errorf("the changed trust files were not put in force, the previous versions stay: %s",
                    e.getMessage());
        }
    }

    private boolean reloadDirectory() {
        byte[] content = contracts.read(AgencyDirectoryLoader.FILE);
        String digest = Digests.sha256Hex(content);
        if (digest.equals(directory.sha256())) {
            return false;
        }
        directory.replaceWith(AgencyDirectoryLoader.parse(content));
        LOG.infof("agency directory reloaded: %d agencies (sha256 %s)", directory.all().size(), digest);
        directoryChanged.accept(new AgencyDirectoryChanged(digest));
        return true;
    }

    private String denyListDigest() {
        return Digests.sha256Hex(contracts.read(DenyListParser.FILE));
    }

    private String crlFingerprint() {
        List<Path> files = CrlFiles.files(revocations.crlDirectory());
        StringBuilder fingerprint = new StringBuilder();
        for (Path file : files) {
            try {
                fingerprint.append(file.getFileName()).append(' ').append(Digests.sha256Hex(Files.readAllBytes(file)))
                        .append('\n');
            } catch (IOException e) {
                fingerprint.append(file.getFileName()).append(" unreadable\n");
            }
        }
        return fingerprint.toString();
    }
}

package io.throughgate.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads contract files from the configured contracts folder, or, when that folder does not exist, from the copy
 * packaged with the hub. Operators edit the folder; a hub started anywhere else still has the shipped contracts.
 */
public final class ContractFiles {

    private static final String PACKAGED_PREFIX = "contracts/";

    private final Path folder;

    /** @param folder the contracts folder on disk; it need not exist */
    public ContractFiles(Path folder) {
        this.folder = folder;
    }

    /**
     * The bytes of one contract file.
     *
     * @param relativePath the path inside the contracts folder, e.g. {@code agencies.yaml}
     * @throws UncheckedIOException if the file is in neither place or cannot be read
     */
    public byte[] read(String relativePath) {
        try {
            if (Files.isDirectory(folder)) {
                return Files.readAllBytes(folder.resolve(relativePath));
            }
            try (InputStream packaged = ContractFiles.class.getClassLoader()
                    .getResourceAsStream(PACKAGED_PREFIX + relativePath)) {
                if (packaged == null) {
                    throw new IOException("contract file " + relativePath + " is neither in " + folder.toAbsolutePath()
                            + " nor packaged with the hub");
                }
                return packaged.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract file " + relativePath, e);
        }
    }

    /** Where the files are read from, for log messages. */
    public String describeSource() {
        return Files.isDirectory(folder) ? folder.toAbsolutePath().toString() : "the contracts packaged with the hub";
    }
}

package io.throughgate.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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

    /**
     * The paths of the files under a folder of the contracts, relative to the contracts folder, sorted.
     *
     * @param subfolder e.g. {@code agreements}
     * @return the files beneath it at any depth; empty when the folder does not exist
     * @throws UncheckedIOException if the folder cannot be listed
     */
    public List<String> list(String subfolder) {
        try {
            if (Files.isDirectory(folder)) {
                Path root = folder.resolve(subfolder);
                if (!Files.isDirectory(root)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.walk(root)) {
                    return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString()
                            .replace('\\', '/')).sorted().toList();
                }
            }
            return listPackaged(subfolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list contract folder " + subfolder, e);
        }
    }

    private static List<String> listPackaged(String subfolder) throws IOException {
        // Any packaged contract file tells where the packaged contracts are: a jar, or a folder of classes.
        URL anchor = ContractFiles.class.getClassLoader().getResource(PACKAGED_PREFIX + "agencies.yaml");
        if (anchor == null) {
            return List.of();
        }
        String prefix = PACKAGED_PREFIX + subfolder + "/";
        if ("jar".equals(anchor.getProtocol())) {
            String jarPath = anchor.getPath().substring("file:".length(), anchor.getPath().indexOf("!/"));
            try (JarFile jar = new JarFile(URLDecoder.decode(jarPath, StandardCharsets.UTF_8))) {
                return jar.stream().filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix))
                        .map(entry -> entry.getName().substring(PACKAGED_PREFIX.length())).sorted().toList();
            }
        }
        try {
            return new ContractFiles(Path.of(anchor.toURI()).getParent()).list(subfolder);
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the packaged contracts", e);
        }
    }

    /** Where the files are read from, for log messages. */
    public String describeSource() {
        return Files.isDirectory(folder) ? folder.toAbsolutePath().toString() : "the contracts packaged with the hub";
    }
}

package io.throughgate.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.throughgate.testing.TestClients;

/**
 * Gives a browser a DPO's development certificate as a DPO would import it: into the NSS database Chromium reads on
 * Linux ({@code $HOME/.pki/nssdb}), with NSS's own tools, and the development CA trusted for the hub's server
 * certificate. Chromium presents the certificate without asking because {@code .ci/install-browser} sets its
 * AutoSelectCertificateForUrls policy for localhost and certificates of the development CA.
 */
final class BrowserCertificates {

    /** The managed policy that lets Chromium present the certificate without a dialog. */
    static final Path POLICY = Path.of("/etc/chromium/policies/managed/throughgate-console-test.json");

    private BrowserCertificates() {
    }

    /**
     * A home directory for Chromium holding the DPO's certificate and key.
     *
     * @param dpoAgency the agency whose DPO's development certificate is imported
     */
    static Path homeWithDpoCertificate(String dpoAgency) throws IOException, InterruptedException {
        if (!Files.exists(POLICY)) {
            throw new IllegalStateException("Chromium's certificate policy is missing: run .ci/install-browser");
        }
        Path home = Files.createTempDirectory("throughgate-browser");
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        String database = "sql:" + nssdb;
        String password = new String(TestClients.PASSWORD);
        run("certutil", "-N", "-d", database, "--empty-password");
        run("pk12util", "-i", TestClients.CERTS.resolve("dpo").resolve(dpoAgency).resolve(dpoAgency + "-dpo.p12")
                .toString(), "-d", database, "-W", password);
        run("certutil", "-A", "-n", "throughgate-development-ca", "-t", "C,,", "-i", TestClients.CERTS.resolve("ca")
                .resolve("ca.crt").toString(), "-d", database);
        return home;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + output);
        }
    }
}

package io.throughgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.pki.Pem;
import io.throughgate.sharinglog.export.ExportFixture;

class SharingLogCommandTest {

    @TempDir
    Path folder;
    ExportFixture.Export export;
    Path exportFile;
    Path publicKey;

    @BeforeEach
    void write() throws IOException {
        export = ExportFixture.create(folder);
        exportFile = folder.resolve("export.json");
        Files.writeString(exportFile, export.document().toPrettyString());
        publicKey = folder.resolve("hub-sharing-log.pem");
        Files.writeString(publicKey, export.key().verifyingKey().publicKeyPem());
    }

    @Test
    void verifiedExportExitsWithZero() {
        Run run = run("verify-export", exportFile.toString(), "--public-key", publicKey.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("sharing-log verify-export: verified 2 entries against the checkpoint of tree size 5\n",
                run.out());
    }

    @Test
    void verifiesWithTheCertificateToo() throws IOException {
        Path certificate = folder.resolve("sharing-log.crt");
        Files.writeString(certificate, Pem.toPem(List.of(export.key().certificate())));

        assertEquals(0, run("verify-export", exportFile.toString(), "--public-key=" + certificate).status());
    }

    @Test
    void tamperedExportExitsWithOneAndPrintsEachProblem() throws IOException {
        ((ObjectNode) export.entry(0).get("entry")).put("outcome", "withheld");
        Files.writeString(exportFile, export.document().toPrettyString());

        Run run = run("verify-export", exportFile.toString(), "--public-key", publicKey.toString());

        assertEquals(1, run.status());
        assertEquals("""
                entry 1: entry differs from the parsed leaf
                sharing-log verify-export: NOT verified: 1 problems in 2 entries
                """, run.out());
    }

    @Test
    void exportThatIsNotJsonExitsWithOne() throws IOException {
        Files.writeString(exportFile, "{\"format\":");

        Run run = run("verify-export", exportFile.toString(), "--public-key", publicKey.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("sharing-log verify-export: " + exportFile + ": not JSON: "), run.err());
    }

    @Test
    void missingPublicKeyIsAUsageError() {
        Run run = run("verify-export", exportFile.toString());

        assertEquals(2, run.status());
        assertEquals("sharing-log verify-export: give one export FILE and --public-key PEM\n", run.err());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Run run = run("verify-everything");

        assertEquals(2, run.status());
        assertEquals("sharing-log: unknown subcommand 'verify-everything'; run sharing-log --help\n", run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("verify-export", exportFile.toString(), "--key", publicKey.toString()).status());
    }

    @Test
    void helpExplainsTheCommand() {
        Run run = run("--help");

        assertEquals(0, run.status());
        assertTrue(run.out().contains("java -jar target/quarkus-app/quarkus-run.jar sharing-log verify-export FILE "
                + "--public-key PEM"), run.out());
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SharingLogCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}

package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder generated before the delivery signing and field encryption certificates existed gains them without any
 * other file changing: existing agreements are signed with the DPO certificates already there.
 */
class AddedCertificatesTest {

    @TempDir
    Path base;

    @Test
    void folderFromBeforeSigningAndEncryptionCertificatesGainsOnlyTheirFiles() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        List<LeafFiles> added = new ArrayList<>(List.of(layout.hubSigning()));
        DevPkiFixture.CODES.forEach(code -> added.add(layout.agencyEncryption(code)));
        for (LeafFiles files : added) {
            for (Path file : files.all()) {
                Files.delete(file);
            }
        }
        Map<String, String> before = DevPkiFixture.snapshot(layout.root());

        DevPkiFixture.Run run = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("issued hub/signing.crt: missing"), run.out());
        assertTrue(run.out().contains("issued agencies/yot-camden/yot-camden-encryption.crt: missing"), run.out());
        assertTrue(run.out().contains("CA kept; 4 certificates issued, 7 kept, 11 files written"), run.out());
        Map<String, String> after = DevPkiFixture.snapshot(layout.root());
        before.forEach((file, content) -> assertEquals(content, after.get(file), file));
        assertEquals(before.size() + 11, after.size());
    }

    @Test
    void encryptionCertificateWithAMissingKeyStoreIsIssuedAgain() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        Files.delete(layout.agencyEncryption("yot-camden").keyStore().orElseThrow());

        DevPkiFixture.Run run = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(
                "issued agencies/yot-camden/yot-camden-encryption.crt: missing yot-camden-encryption.p12"), run.out());
        assertTrue(run.out().contains("1 certificate issued, 10 kept, 3 files written"), run.out());
    }
}

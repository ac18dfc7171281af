package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        assertTrue(run.out().contains("CA kept; 4 certificates issued, 14 kept, 11 files written"), run.out());
        Map<String, String> after = DevPkiFixture.snapshot(layout.root());
        before.forEach((file, content) -> assertEquals(content, after.get(file), file));
        assertEquals(before.size() + 11, after.size());
    }

    @Test
    void folderFromBeforeTheSharingLogKeyGainsOnlyItsFiles() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        for (Path file : layout.hubSharingLog().all()) {
            Files.delete(file);
        }
        Map<String, String> before = DevPkiFixture.snapshot(layout.root());

        DevPkiFixture.Run run = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("issued hub/sharing-log.crt: missing"), run.out());
        assertTrue(run.out().contains("CA kept; 1 certificate issued, 17 kept, 2 files written"), run.out());
        Map<String, String> after = DevPkiFixture.snapshot(layout.root());
        before.forEach((file, content) -> assertEquals(content, after.get(file), file));
        assertEquals(before.size() + 2, after.size());
    }

    @Test
    void sharingLogCertificateOfAnotherKindOfKeyIsIssuedAgain() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        CertificateAuthority ca = CertificateAuthority.load(layout.caCertificate(), layout.caKey());
        LeafProfile sharingLog = DevelopmentProfiles.hubSharingLog();
        LeafProfile ecInstead = new LeafProfile(sharingLog.subject(), sharingLog.names(), sharingLog.keyUsage(),
                sharingLog.purposes(), LeafKey.EC_P256);
        Instant now = Instant.now();
        layout.hubSharingLog().write(CertificateIssuer.issue(ca, ecInstead, now, now.plus(Duration.ofDays(365))),
                DevelopmentCertificates.DEV_PASSWORD.toCharArray());

        DevPkiFixture.Run run = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("issued hub/sharing-log.crt: its key is EC, not ED25519"), run.out());
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
        assertTrue(run.out().contains("1 certificate issued, 17 kept, 3 files written"), run.out());
    }
}

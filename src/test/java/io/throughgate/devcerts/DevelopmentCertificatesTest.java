package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.directory.Agency;
import io.throughgate.pki.Pem;

class DevelopmentCertificatesTest {

    @TempDir
    Path base;

    @Test
    void generatesTheFixedLayoutForEveryAgencyIncludingExpiredOnes() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);

        Set<String> expected = new TreeSet<>(List.of("README.md", "ca/ca.crt", "ca/ca.key", "ca/truststore.p12",
                "hub/server.crt", "hub/server.key", "hub/server.p12", "hub/signing.crt", "hub/signing.key",
                "hub/sharing-log.crt", "hub/sharing-log.key", "hub/kafka-broker.crt", "hub/kafka-broker.key",
                "hub/kafka-broker.p12", "hub/kafka-hub.crt", "hub/kafka-hub.key", "hub/kafka-hub.p12",
                "borough-ca/ca.crt", "borough-ca/ca.key"));
        // The second CA issues for the agencies of PkiLayout.BOROUGH_CA_AGENCIES that the directory has.
        for (String code : List.of("yot-camden", "partnership-london-resettlement")) {
            for (String extension : List.of(".crt", ".key", ".p12")) {
                expected.add("borough-ca/" + code + "/" + code + extension);
                expected.add("borough-ca/" + code + "/" + code + "-dpo" + extension);
            }
        }
        for (String code : DevPkiFixture.CODES) {
            for (String extension : List.of(".crt", ".key", ".p12")) {
                expected.add("agencies/" + code + "/" + code + extension);
                expected.add("agencies/" + code + "/" + code + "-encryption" + extension);
                expected.add("dpo/" + code + "/" + code + "-dpo" + extension);
            }
        }
        assertEquals(expected, DevPkiFixture.snapshot(layout.root()).keySet());
        String readme = Files.readString(layout.readme());
        assertTrue(readme.contains("DEVELOPMENT ONLY"), readme);
        assertTrue(readme.contains("throughgate-dev"), readme);
        assertTrue(readme.contains("java -jar target/quarkus-app/quarkus-run.jar dev-certs"), readme);
        assertTrue(readme.contains("`hub/signing.crt`, `hub/signing.key`"), readme);
        assertTrue(readme.contains("`agencies/<code>/<code>-encryption.crt`"), readme);
        assertTrue(readme.contains("`hub/sharing-log.crt`, `hub/sharing-log.key`"), readme);
    }

    @Test
    void secondRunLeavesEveryFileUnchanged() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        Map<String, String> before = DevPkiFixture.snapshot(layout.root());

        DevPkiFixture.Run second = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(0, second.exitCode(), second.err());
        assertEquals(before, DevPkiFixture.snapshot(layout.root()));
        assertTrue(second.out().contains("CA kept; 0 certificates issued, 18 kept, 0 files written"), second.out());
    }

    @Test
    void renewReissuesEveryLeafButKeepsTheCa() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        Map<String, String> before = DevPkiFixture.snapshot(layout.root());

        DevPkiFixture.generate(base, "--renew");

        Map<String, String> after = DevPkiFixture.snapshot(layout.root());
        for (String caFile : List.of("ca/ca.crt", "ca/ca.key", "ca/truststore.p12", "README.md")) {
            assertEquals(before.get(caFile), after.get(caFile), caFile);
        }
        for (String file : before.keySet()) {
            if (file.startsWith("hub/") || file.startsWith("agencies/") || file.startsWith("dpo/")) {
                assertNotEquals(before.get(file), after.get(file), file);
            }
        }
    }

    @Test
    void newCaReplacesTheCaAndReissuesEveryCertificate() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        X509Certificate oldCa = Pem.readCertificates(layout.caCertificate()).get(0);

        DevPkiFixture.generate(base, "--new-ca");

        CertificateAuthority newCa = CertificateAuthority.load(layout.caCertificate(), layout.caKey());
        assertNotEquals(oldCa, newCa.certificate());
        assertTrue(newCa.hasIssued(Pem.readCertificates(layout.server().certificate()).get(0)));
        assertTrue(newCa.hasIssued(Pem.readCertificates(layout.dataProtectionOfficer("yot-camden").certificate())
                .get(0)));
    }

    @Test
    void reissuesOnlyCertificatesThatExpireSoonOrCameFromAnotherCa() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        CertificateAuthority ca = CertificateAuthority.load(layout.caCertificate(), layout.caKey());
        Instant now = Instant.now();
        layout.agency("yot-camden").write(DevelopmentCertificates.issueClientCertificate(ca, "yot-camden",
                List.of(Agency.IDENTITY_PREFIX + "yot-camden"), now.minus(Duration.ofDays(400)),
                now.plus(Duration.ofDays(30))), DevelopmentCertificates.DEV_PASSWORD.toCharArray());
        CertificateAuthority stranger = DevelopmentCertificates.newAuthority("Stranger CA", Duration.ofDays(365));
        layout.agency("yoi-feltham").write(DevelopmentCertificates.issueClientCertificate(stranger, "yoi-feltham",
                List.of(Agency.IDENTITY_PREFIX + "yoi-feltham"), now, now.plus(Duration.ofDays(365))),
                DevelopmentCertificates.DEV_PASSWORD.toCharArray());
        Map<String, String> before = DevPkiFixture.snapshot(layout.root());

        DevPkiFixture.Run run = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("issued agencies/yot-camden/yot-camden.crt: expires"), run.out());
        assertTrue(run.out().contains("issued agencies/yoi-feltham/yoi-feltham.crt: not issued by the current CA"),
                run.out());
        Map<String, String> after = DevPkiFixture.snapshot(layout.root());
        List<String> changed = before.keySet().stream().filter(file -> !before.get(file).equals(after.get(file)))
                .sorted().toList();
        assertEquals(List.of("agencies/yoi-feltham/yoi-feltham.crt", "agencies/yoi-feltham/yoi-feltham.key",
                "agencies/yoi-feltham/yoi-feltham.p12", "agencies/yot-camden/yot-camden.crt",
                "agencies/yot-camden/yot-camden.key", "agencies/yot-camden/yot-camden.p12"), changed);
        assertTrue(ca.hasIssued(Pem.readCertificates(layout.agency("yoi-feltham").certificate()).get(0)));
    }

    @Test
    void caCertificateWithoutItsKeyFailsWithExitOneAndSuggestsNewCa() throws IOException {
        PkiLayout layout = DevPkiFixture.generate(base);
        Files.delete(layout.caKey());

        DevPkiFixture.Run run = DevPkiFixture.run("--dir", layout.root().toString(), "--contracts",
                base.resolve("contracts").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("ca.key is missing") && run.err().contains("--new-ca"), run.err());
        assertFalse(Files.exists(layout.caKey()));
    }

    @Test
    void missingAgencyDirectoryExitsOneNamingTheFile() {
        DevPkiFixture.Run run = DevPkiFixture.run("--dir", base.resolve("certs").toString(), "--contracts",
                base.resolve("nowhere").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(base.resolve("nowhere").resolve("agencies.yaml").toString()), run.err());
        assertFalse(Files.exists(base.resolve("certs")));
    }

    @Test
    void helpExplainsTheCommandAndExitsZero() {
        DevPkiFixture.Run run = DevPkiFixture.run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: java -jar target/quarkus-app/quarkus-run.jar dev-certs\n"),
                run.out());
        assertTrue(run.out().contains("DEVELOPMENT-ONLY"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void unknownOptionExitsTwoNamingIt() {
        DevPkiFixture.Run run = DevPkiFixture.run("--frobnicate");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown option '--frobnicate'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void optionWithoutItsFolderExitsTwo() {
        DevPkiFixture.Run run = DevPkiFixture.run("--dir");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("option --dir needs a folder"), run.err());
    }
}

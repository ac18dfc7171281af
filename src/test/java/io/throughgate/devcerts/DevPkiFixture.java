package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small agency directory, a way to run {@code dev-certs} on it, and checks shared by the generator's tests.
 */
final class DevPkiFixture {

    /** Three agencies: a YOT, a YOI whose validity has passed and whose name needs escaping, the partnership. */
    static final String AGENCIES_YAML = """
            certificateAuthorities:
              - id: dev
                displayName: Development CA
                spkiSha256: 0000000000000000000000000000000000000000000000000000000000000000
                grants: [dpo, partnership]
            agencies:
              - code: yot-camden
                kind: yot
                displayName: Camden Youth Offending Team
                borough: Camden
                localAuthority: London Borough of Camden
                gssCode: E09000007
                validFrom: 2020-04-01
                certificateIdentity: urn:throughgate:agency:yot-camden
                issuers: [dev]
              - code: yoi-feltham
                kind: yoi
                displayName: 'HMYOI Feltham, A+B "Unit"'
                location: London
                validFrom: 2020-04-01
                validUntil: 2024-03-31
                certificateIdentity: urn:throughgate:agency:yoi-feltham
                issuers: [dev]
              - code: partnership-london-resettlement
                kind: partnership
                displayName: London Resettlement Partnership
                validFrom: 2020-04-01
                certificateIdentity: urn:throughgate:agency:partnership-london-resettlement
                issuers: [dev]
            """;

    static final List<String> CODES = List.of("yot-camden", "yoi-feltham", "partnership-london-resettlement");

    private DevPkiFixture() {
    }

    /** The outcome of one command run. */
    record Run(int exitCode, String out, String err) {
    }

    /** Writes the contracts folder with {@link #AGENCIES_YAML} under the base folder and returns it. */
    static Path contracts(Path base) throws IOException {
        Path contracts = Files.createDirectories(base.resolve("contracts"));
        Files.writeString(contracts.resolve("agencies.yaml"), AGENCIES_YAML);
        return contracts;
    }

    /** Runs the command with the given arguments. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DevelopmentCertificates.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Generates into {@code base/certs} from {@code base/contracts}, asserting success, and returns the layout. */
    static PkiLayout generate(Path base, String... extraArgs) throws IOException {
        Path contracts = contracts(base);
        Path dir = base.resolve("certs");
        String[] args = Stream.concat(Stream.of("--dir", dir.toString(), "--contracts", contracts.toString()),
                Stream.of(extraArgs)).toArray(String[]::new);
        Run run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return new PkiLayout(dir);
    }

    /** Every file under the folder (relative path) with its bytes and modification time, for comparisons. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), HexFormat.of()
                        .formatHex(Files.readAllBytes(file)) + "@" + Files.getLastModifiedTime(file).toMillis());
            }
        }
        return files;
    }

    /** Validates a chain against a trust anchor with the JDK's PKIX validator (RFC 5280 path validation). */
    static void validate(List<X509Certificate> chain, X509Certificate anchor, Date at)
            throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }
}

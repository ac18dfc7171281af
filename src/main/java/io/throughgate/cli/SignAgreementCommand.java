package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementParser;
import io.throughgate.agreement.AgreementParties;
import io.throughgate.agreement.AgreementSigner;
import io.throughgate.agreement.SignatureVerifier;
import io.throughgate.config.ClockProducer;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.identity.Role;
import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Pkcs12;
import io.throughgate.pki.TrustedAuthorities;

/** The {@code sign-agreement} command: a DPO signs an agreement file with a detached CMS signature. */
public final class SignAgreementCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar sign-agreement AGREEMENT-ID
                   (--key DPO.p12 --password PASSWORD | --development-dpos) [--version N] [--contracts DIR]
                   [--certs DIR]

            Signs contracts/agreements/AGREEMENT-ID/vN/agreement.yaml as a data protection officer: a detached CMS
            signature over the file's exact bytes, written to signatures/<agency>.p7s beside it, where <agency> is
            the agency named by the DPO certificate. A version is in force only when every party's DPO has signed
            its current bytes; any later change to the file voids every signature. Once every party has signed a
            new version, it supersedes the one before from its validFrom day.

              --version N          the version to sign (default: the latest, the highest vN folder)
              --key DPO.p12        the DPO's PKCS#12 file (key and certificate chain)
              --password PASSWORD  its password
              --development-dpos   sign with the development DPO key of every party whose signature is missing
                                   or no longer valid (certs-dev/ only: never for a real agreement)
              --contracts DIR      the contracts folder (default: contracts)
              --certs DIR          the development certificates folder (default: certs-dev)

            Exit status: 0 signed, 1 failed, 2 usage error.
            """;
    private static final char[] DEVELOPMENT_PASSWORD = "throughgate-dev".toCharArray();

    private SignAgreementCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandOptions options;
        try {
            options = CommandOptions.parse(args, Set.of("--help", "--development-dpos"),
                    Set.of("--key", "--password", "--version", "--contracts", "--certs"));
            if (!options.has("--help") && (options.positional().size() != 1
                    || options.has("--development-dpos") == options.value("--key").isPresent()
                    || options.value("--key").isPresent() != options.value("--password").isPresent())) {
                throw new IllegalArgumentException("give one AGREEMENT-ID and either --key with --password, or "
                        + "--development-dpos");
            }
        } catch (IllegalArgumentException e) {
            err.println("sign-agreement: " + e.getMessage());
            return 2;
        }
        if (options.has("--help")) {
            out.print(HELP);
            return 0;
        }
        Path contracts = Path.of(options.value("--contracts").orElse("contracts"));
        try {
            Path folder = versionFolder(contracts.resolve("agreements").resolve(options.positional().get(0)), options
                    .value("--version"));
            byte[] content = Files.readAllBytes(folder.resolve("agreement.yaml"));
            if (options.has("--development-dpos")) {
                return signAsDevelopmentDpos(folder, content, contracts,
                        Path.of(options.value("--certs").orElse("certs-dev")), out, err);
            }
            String party = sign(folder, content, Path.of(options.value("--key").get()),
                    options.value("--password").get().toCharArray());
            out.println("sign-agreement: signed " + folder.getParent().getFileName() + " " + folder.getFileName()
                    + " as the DPO of " + party);
            return 0;
        } catch (IOException | UncheckedIOException | GeneralSecurityException | IllegalStateException e) {
            err.println("sign-agreement: " + e.getMessage());
            return 1;
        }
    }

    /** The folder of the version to sign: the one asked for, or the latest. */
    private static Path versionFolder(Path agreement, Optional<String> version) throws IOException {
        if (version.isPresent()) {
            return agreement.resolve("v" + version.get());
        }
        try (var folders = Files.list(agreement)) {
            return folders.filter(folder -> folder.getFileName().toString().matches("v[1-9][0-9]*")).max(
                    java.util.Comparator.comparingInt(folder -> Integer.parseInt(folder.getFileName().toString()
                            .substring(1))))
                    .orElseThrow(() -> new IllegalStateException(agreement
                            + " has no version folder v<N>"));
        }
    }

    private static int signAsDevelopmentDpos(Path folder, byte[] content, Path contracts, Path certs,
            PrintStream out, PrintStream err) throws IOException, GeneralSecurityException {
        Optional<Agreement> agreement = AgreementParser.parse("agreement.yaml", content).agreement();
        if (agreement.isEmpty()) {
            err.println("sign-agreement: the agreement does not parse; run lint-contracts");
            return 1;
        }
        AgencyDirectory directory = AgencyDirectoryLoader.parse(Files.readAllBytes(contracts.resolve(
                AgencyDirectoryLoader.FILE)));
        SignatureVerifier verifier = new SignatureVerifier(TrustedAuthorities.load(certs.resolve("ca/ca.crt")),
                directory);
        int signed = 0;
        for (String party : AgreementParties.of(agreement.get(), directory)) {
            Path existing = folder.resolve("signatures").resolve(party + ".p7s");
            if (Files.exists(existing) && verifier.verify(party, content, Files.readAllBytes(existing),
                    Clock.system(ClockProducer.LONDON).instant()).valid()) {
                continue;
            }
            sign(folder, content, certs.resolve("dpo").resolve(party).resolve(party + "-dpo.p12"),
                    DEVELOPMENT_PASSWORD);
            signed++;
        }
        out.println("sign-agreement: " + signed + " development DPO signatures written for " + folder.getParent()
                .getFileName() + " " + folder.getFileName());
        return 0;
    }

    private static String sign(Path folder, byte[] content, Path keyStoreFile, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = Pkcs12.read(keyStoreFile, password);
        String alias = keyStore.aliases().nextElement();
        PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
        List<X509Certificate> chain = Arrays.stream(keyStore.getCertificateChain(alias))
                .map(X509Certificate.class::cast).toList();
        List<String> uris = CertificateIdentities.sanUris(chain.get(0));
        String party = uris.stream().filter(uri -> uri.startsWith(Agency.IDENTITY_PREFIX)).findFirst()
                .map(uri -> uri.substring(Agency.IDENTITY_PREFIX.length()))
                .orElseThrow(() -> new IllegalStateException(keyStoreFile + " names no agency"));
        if (!uris.contains(Role.DPO.certificateUri())) {
            throw new IllegalStateException(keyStoreFile + " is not a DPO certificate");
        }
        Path signatures = Files.createDirectories(folder.resolve("signatures"));
        Files.write(signatures.resolve(party + ".p7s"), AgreementSigner.sign(content, key, chain));
        return party;
    }
}

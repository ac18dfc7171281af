package io.throughgate.devcerts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.throughgate.contract.InvalidContractException;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;

/**
 * The {@code dev-certs} command line: parses the options, loads the agency directory, runs the generator and
 * reports.
 */
final class DevCertsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar dev-certs
                   [--dir DIR] [--contracts DIR] [--renew] [--new-ca] [--help]

            Generates the DEVELOPMENT-ONLY PKI of Throughgate: a development CA, the hub's TLS server
            certificate, delivery signing certificate and sharing-log signing certificate, and for every agency
            of the agency directory (contracts/agencies.yaml) a TLS client certificate, a data protection officer
            (DPO) certificate and a field encryption certificate. A second CA (borough-ca/, Camden's own) issues
            client and DPO certificates for yot-camden and the partnership, so that the directory's pins can be
            tried: it is pinned for Camden's agency certificates only. Keys are EC P-256 (the sharing-log key
            Ed25519) and unencrypted; PKCS#12 files use the public password throughgate-dev. Never use them in
            production.

            A run keeps every certificate that is present, issued by the current CA, matches the directory and
            is valid for more than 90 days, and issues only what is missing or due; with nothing to do it
            changes no file. It prints one line per certificate issued and a summary.

            Options:
              --dir DIR        the folder to generate into (default: certs-dev)
              --contracts DIR  the contracts folder holding agencies.yaml (default: contracts)
              --renew          reissue every leaf certificate, keeping the CA
              --new-ca         replace the CA too, then reissue every certificate; clients must trust the new CA
              --help           show this help

            Exit status: 0 done, 1 failed, 2 usage error.
            """;

    private DevCertsCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("dev-certs: " + e.getMessage());
            err.println("Run dev-certs --help for usage.");
            return USAGE;
        }
        if (options.help()) {
            out.print(HELP);
            return OK;
        }
        Path directoryFile = options.contracts().resolve(AgencyDirectoryLoader.FILE);
        try {
            AgencyDirectory directory = AgencyDirectoryLoader.parse(Files.readAllBytes(directoryFile));
            GenerationSummary summary = DevelopmentCertificates.generate(options.dir(), directory,
                    options.renewal());
            summary.issued().forEach(line -> out.println("issued " + line));
            out.println("dev-certs: " + summary.describe());
            return OK;
        } catch (NoSuchFileException e) {
            err.println("dev-certs: " + e.getFile() + " does not exist; pass --contracts DIR with the folder that "
                    + "holds " + AgencyDirectoryLoader.FILE + " (or --dir, if the output folder is the problem)");
            return FAILED;
        } catch (IOException | UncheckedIOException | InvalidContractException | IllegalArgumentException
                | IllegalStateException e) {
            err.println("dev-certs: " + e.getMessage());
            return FAILED;
        }
    }

    /** The parsed command line. */
    private record Options(Path dir, Path contracts, Renewal renewal, boolean help) {

        static Options parse(String[] args) {
            String dir = DevelopmentCertificates.DEFAULT_DIR;
            String contracts = DevelopmentCertificates.DEFAULT_CONTRACTS;
            boolean renew = false;
            boolean newCa = false;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> help = true;
                    case "--renew" -> renew = true;
                    case "--new-ca" -> newCa = true;
                    case "--dir" -> dir = value(args, ++i, arg);
                    case "--contracts" -> contracts = value(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("--dir=")) {
                            dir = nonEmpty(arg.substring("--dir=".length()), "--dir");
                        } else if (arg.startsWith("--contracts=")) {
                            contracts = nonEmpty(arg.substring("--contracts=".length()), "--contracts");
                        } else {
                            throw new IllegalArgumentException(
                                    (arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg + "'");
                        }
                    }
                }
            }
            Renewal renewal = newCa ? Renewal.EVERYTHING : renew ? Renewal.LEAVES : Renewal.IF_NEEDED;
            return new Options(Path.of(dir), Path.of(contracts), renewal, help);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a folder");
            }
            return nonEmpty(args[index], option);
        }

        private static String nonEmpty(String value, String option) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("option " + option + " needs a folder, got '" + value + "'");
            }
            return value;
        }
    }
}

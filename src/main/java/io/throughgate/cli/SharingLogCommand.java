package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.json.Json;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.export.ExportVerification;
import io.throughgate.sharinglog.export.ExportVerifier;

/** The {@code sharing-log} command: checks of the tamper-evident sharing log that run without the hub. */
public final class SharingLogCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar sharing-log verify [OPTIONS]
                   java -jar target/quarkus-app/quarkus-run.jar sharing-log verify-export FILE --public-key PEM
                   java -jar target/quarkus-app/quarkus-run.jar sharing-log witness [OPTIONS]
                   [--help]

            verify checks the whole sharing log in the hub's database: each entry's stored text against its leaf
            hash, its search columns and rows against its text, the Merkle tree against every signed checkpoint,
            and each checkpoint's signature. It names the first entry that fails. It reads the database directly,
            so it works while the hub is stopped (the embedded H2 file can be opened by one process at a time).

              --database-url URL       JDBC URL (default: the embedded H2 database under --data-dir)
              --data-dir DIR           the hub's data folder, for the default URL (default: data)
              --database-user USER     (default: throughgate)
              --database-password PW   (default: none)
              --public-key PEM         the hub's sharing-log certificate or public key
                                       (default: certs-dev/hub/sharing-log.crt)
              --origin NAME            the log's name in its checkpoints (default: throughgate/sharing-log)

            verify-export checks, offline, an export of sharing-log entries that a data protection officer
            downloaded from the hub (format throughgate-sharing-log-export/1): that the hub's sharing-log key
            signed its checkpoint (a C2SP signed note, Ed25519), that the checkpoint's members say what the signed
            note says, and for each entry that its leaf hash is the hash of its exact text, that its inclusion
            proof leads to the checkpoint's root hash (RFC 9162) and that the entry shown is that text. Prints
            each problem with the entry's index. docs/sharing-log-verification.md explains each step.

              --public-key PEM   the hub's sharing-log public key or certificate (PEM), obtained from the hub
                                 (GET /v1/sharing-log/public-key) or its operator, not from the export

            witness, run by a data protection officer on a schedule (cron, a systemd timer), fetches the hub's
            latest signed checkpoint, checks that the hub's log key signed it and that it extends the last
            checkpoint this witness saw (an RFC 9162 consistency proof from GET /v1/sharing-log/proofs/consistency),
            and then keeps it in the state file. A rewritten log, or one shown differently to others, is a split:
            the witness says so, keeps the old checkpoint and exits 1.

              --hub URL                  the hub (default: https://localhost:8443)
              --state FILE               the last checkpoint seen, a signed note (default: witness-checkpoint.txt;
                                         created on the first run)
              --public-key PEM           the hub's sharing-log certificate or public key
                                         (default: certs-dev/hub/sharing-log.crt)
              --client-certificate P12   your certificate and key (default: the development partnership DPO's)
              --password PW              its password (default: throughgate-dev)
              --ca PEM                   the CA of the hub's TLS certificate (default: certs-dev/ca/ca.crt)
              --origin NAME              the log's name (default: throughgate/sharing-log)

            Exit status: 0 verified (witness: consistent), 1 not verified or unreadable (witness: split, or not
            signed by the log key), 2 usage error, 3 (witness) the hub or the state file could not be read.
            """;

    private static final ObjectMapper JSON = Json.strict();

    private SharingLogCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandOptions options;
        try {
            options = CommandOptions.parse(args, Set.of("--help"), Set.of("--public-key", "--database-url",
                    "--data-dir", "--database-user", "--database-password", "--origin", "--hub", "--state",
                    "--client-certificate", "--password", "--ca"));
        } catch (IllegalArgumentException e) {
            err.println("sharing-log: " + e.getMessage());
            return 2;
        }
        if (options.has("--help")) {
            out.print(HELP);
            return 0;
        }
        List<String> positional = options.positional();
        if (positional.isEmpty()) {
            err.println("sharing-log: a subcommand is required: verify, verify-export or witness");
            return 2;
        }
        return switch (positional.get(0)) {
            case "verify-export" -> verifyExport(positional, options, out, err);
            case "verify" -> DatabaseLogCheck.run(options, out, err);
            case "witness" -> WitnessCommand.run(options, out, err);
            default -> {
                err.println("sharing-log: unknown subcommand '" + positional.get(0) + "'; run sharing-log --help");
                yield 2;
            }
        };
    }

    private static int verifyExport(List<String> positional, CommandOptions options, PrintStream out,
            PrintStream err) {
        if (positional.size() != 2 || options.value("--public-key").isEmpty()) {
            err.println("sharing-log verify-export: give one export FILE and --public-key PEM");
            return 2;
        }
        Path file = Path.of(positional.get(1));
        Path publicKey = Path.of(options.value("--public-key").get());
        LogVerifyingKey key;
        JsonNode export;
        try {
            key = LogVerifyingKey.fromPem(Files.readString(publicKey, StandardCharsets.ISO_8859_1));
        } catch (IOException | IllegalArgumentException e) {
            err.println("sharing-log verify-export: " + publicKey + ": " + message(e));
            return 1;
        }
        try {
            export = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("sharing-log verify-export: " + file + ": " + message(e));
            return 1;
        }
        ExportVerification verification = ExportVerifier.verify(export, key);
        if (verification.verified()) {
            out.println("sharing-log verify-export: verified " + verification.entriesChecked() + " entries against "
                    + "the checkpoint of tree size " + verification.treeSize());
            return 0;
        }
        verification.problems().forEach(out::println);
        out.println("sharing-log verify-export: NOT verified: " + verification.problems().size() + " problems in "
                + verification.entriesChecked() + " entries");
        return 1;
    }

    private static String message(Exception e) {
        if (e instanceof JsonProcessingException json) {
            return "not JSON: " + json.getOriginalMessage();
        }
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }
}

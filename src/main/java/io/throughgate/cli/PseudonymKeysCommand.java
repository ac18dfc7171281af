package io.throughgate.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import io.throughgate.pseudonym.PseudonymKeyStore;
import io.throughgate.pseudonym.PseudonymKeyring;

/** The {@code pseudonym-keys} command: creates the pseudonym key store, adds a key (rotation), lists the keys. */
public final class PseudonymKeysCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar pseudonym-keys --keystore FILE --password PASSWORD
                   [--add KEY-ID] [--help]

            Manages the PKCS#12 store of pseudonymisation master keys that every hub replica shares. Without --add
            it lists the key ids and which is active (the highest). --add creates the store if it does not exist
            and adds a new random 256-bit key: to rotate, add a key with a higher id (k1, k2, ...), give every
            replica the new store, and restart them; data made under older keys is still found. Never remove a key
            before everything made with it has passed its retention. Key ids: 1 to 32 of a-z, 0-9, -.

            Exit status: 0 done, 1 failed, 2 usage error.
            """;

    private PseudonymKeysCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandOptions options;
        try {
            options = CommandOptions.parse(args, Set.of("--help"), Set.of("--keystore", "--password", "--add"));
            if (!options.has("--help") && (options.value("--keystore").isEmpty() || options.value("--password")
                    .isEmpty())) {
                throw new IllegalArgumentException("--keystore and --password are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("pseudonym-keys: " + e.getMessage());
            return 2;
        }
        if (options.has("--help")) {
            out.print(HELP);
            return 0;
        }
        Path store = Path.of(options.value("--keystore").get());
        char[] password = options.value("--password").get().toCharArray();
        try {
            Optional<String> added = options.value("--add");
            if (added.isPresent()) {
                PseudonymKeyStore.addKey(store, password, added.get());
                out.println("pseudonym-keys: added key " + added.get() + " to " + store);
            } else if (!Files.exists(store)) {
                err.println("pseudonym-keys: " + store + " does not exist; create it with --add k1");
                return 1;
            }
            PseudonymKeyring keyring = PseudonymKeyStore.load(store, password, Optional.empty());
            out.println("pseudonym-keys: keys " + keyring.keyIds() + ", active " + keyring.activeKeyId());
            return 0;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("pseudonym-keys: " + e.getMessage());
            return 1;
        }
    }
}

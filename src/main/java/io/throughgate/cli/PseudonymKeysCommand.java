package io.throughgate.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.throughgate.pseudonym.PseudonymKeyStore;
import io.throughgate.pseudonym.PseudonymKeyring;

/** The {@code pseudonym-keys} command: creates the pseudonym key store, adds a key (rotation), lists the keys. */
public final class PseudonymKeysCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar pseudonym-keys [rotate | activate KEY-ID]
                   --keystore FILE --password PASSWORD [--add KEY-ID] [--help]

            Manages the PKCS#12 store of pseudonymisation master keys that every hub replica shares. The store
            marks one key as active: new pseudonyms are made with it, and look-ups (consent, the sharing log) use
            every key, so decisions and entries made before a rotation still apply and are still found.

              (no command)     list the key ids and which is active
              rotate           add a new random 256-bit key, named k<n+1> after the highest k<n>, and make it
                               the active key; creates the store if it does not exist
              activate KEY-ID  make a key of the store the active one (for example, to undo a rotation)
              --add KEY-ID     add a key with this id without activating it (the first key of a new store is
                               active); key ids: 1 to 32 of a-z, 0-9, -

            After a rotation give every replica the new store and restart them. Never remove a key before
            everything made with it has passed its retention.

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
        List<String> command = options.positional();
        if (!command.isEmpty() && !(command.equals(List.of("rotate")) || command.size() == 2 && command.get(0)
                .equals("activate"))) {
            err.println("pseudonym-keys: unknown command '" + String.join(" ", command) + "'; use rotate or "
                    + "activate KEY-ID");
            return 2;
        }
        try {
            Optional<String> added = options.value("--add");
            if (added.isPresent()) {
                PseudonymKeyStore.addKey(store, password, added.get());
                out.println("pseudonym-keys: added key " + added.get() + " to " + store);
            }
            if (command.equals(List.of("rotate"))) {
                out.println("pseudonym-keys: rotated to the new key " + PseudonymKeyStore.rotate(store, password));
            } else if (!command.isEmpty()) {
                PseudonymKeyStore.activate(store, password, command.get(1));
                out.println("pseudonym-keys: activated key " + command.get(1));
            } else if (!Files.exists(store)) {
                err.println("pseudonym-keys: " + store + " does not exist; create it with rotate");
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

package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.throughgate.database.DatabaseSelection;
import io.throughgate.sharinglog.LogVerification;
import io.throughgate.sharinglog.SharingLogVerifier;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;

/** {@code sharing-log verify}: checks the whole log in the hub's database, without the hub running. */
final class DatabaseLogCheck {

    private DatabaseLogCheck() {
    }

    static int run(CommandOptions options, PrintStream out, PrintStream err) {
        if (options.positional().size() != 1) {
            err.println("sharing-log verify: takes no file; see sharing-log --help");
            return 2;
        }
        Path publicKey = Path.of(options.value("--public-key").orElse("certs-dev/hub/sharing-log.crt"));
        LogVerifyingKey key;
        try {
            key = LogVerifyingKey.fromPem(Files.readString(publicKey, StandardCharsets.ISO_8859_1));
        } catch (IOException | IllegalArgumentException e) {
            err.println("sharing-log verify: " + publicKey + ": " + e.getMessage());
            return 1;
        }
        String url = options.value("--database-url").orElseGet(() -> DatabaseSelection.h2Url(Path.of(options.value(
                "--data-dir").orElse("data"))));
        LogVerification result;
        try {
            result = new SharingLogVerifier(dataSource(url, options.value("--database-user").orElse("throughgate"),
                    options.value("--database-password").orElse("")), key,
                    options.value("--origin").orElse(
                            "throughgate/sharing-log"))
                    .verify();
        } catch (SQLException | IllegalArgumentException e) {
            // The message names the database's complaint (e.g. a locked file), never an entry's content.
            err.println("sharing-log verify: cannot read the sharing log: " + e.getMessage());
            return 1;
        }
        result.problems().forEach(problem -> out.println(problem.problem()));
        out.printf("sharing-log verify: %s: %d entries (%d expired), %d checkpoints; the latest covers %d entries, "
                + "%d since%n", result.verified() ? "verified" : "NOT verified", result.entries(), result.expired(),
                result.checkpoints(), result.latestCheckpointSize(), result.unsignedEntries());
        return result.verified() ? 0 : 1;
    }

    private static DataSource dataSource(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgresql = new PGSimpleDataSource();
            postgresql.setURL(url);
            postgresql.setUser(user);
            postgresql.setPassword(password);
            return postgresql;
        }
        throw new IllegalArgumentException("--database-url must be an H2 or PostgreSQL JDBC URL");
    }
}

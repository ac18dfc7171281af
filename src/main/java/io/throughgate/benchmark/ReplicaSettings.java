package io.throughgate.benchmark;

import io.throughgate.cli.CommandOptions;

/**
 * The replica mode's PostgreSQL server: where each configuration's new database is created.
 *
 * @param databaseUrl a JDBC URL of the server (the database it names is only where new ones are created from)
 * @param databaseUser its user, allowed to create databases
 * @param databasePassword its password; empty for none
 */
record ReplicaSettings(String databaseUrl, String databaseUser, String databasePassword) {

    /** The settings from the command's options. */
    static ReplicaSettings of(CommandOptions options) {
        String url = options.value("--database-url").orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--database-url: '" + url + "' is not a PostgreSQL JDBC URL");
        }
        return new ReplicaSettings(url, options.value("--database-user").orElse("postgres"), options.value(
                "--database-password").orElse(""));
    }
}

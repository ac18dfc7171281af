package io.throughgate.sharinglog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;

/** Sharing-log databases of a test's own, beside the hub's, and their verifier. */
final class LogDatabases {

    private LogDatabases() {
    }

    /** A new in-memory H2 database with the hub's schema. */
    static JdbcDataSource migratedH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }

    /** Verifies a database's log with the development log key. */
    static LogVerification verify(DataSource database) throws Exception {
        return new SharingLogVerifier(database, developmentKey(), "throughgate/sharing-log").verify();
    }

    private static LogVerifyingKey developmentKey() throws IOException {
        return LogVerifyingKey.fromPem(Files.readString(Path.of("certs-dev/hub/sharing-log.crt"),
                StandardCharsets.ISO_8859_1));
    }
}

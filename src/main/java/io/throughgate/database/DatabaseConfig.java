package io.throughgate.database;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which database the hub runs on. The values reach the datasources through {@code application.properties};
 * {@link DatabaseSelection} activates the one chosen.
 */
@ConfigMapping(prefix = "throughgate.database")
public interface DatabaseConfig {

    /** {@code h2} (embedded, a file under the data folder) or {@code postgresql}. */
    @WithDefault("h2")
    String kind();

    /** The PostgreSQL JDBC URL. */
    @WithDefault("jdbc:postgresql://localhost:5432/throughgate")
    String url();

    /** The PostgreSQL user. */
    @WithDefault("throughgate")
    String username();

    /** The PostgreSQL password. */
    Optional<String> password();
}

package io.throughgate.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns the one operator setting {@code throughgate.database.kind} ({@code h2} or {@code postgresql}) into the
 * activation of the matching named datasource. The database kind of a Quarkus datasource is fixed at build time,
 * so the artefact carries both and activates one at run time. It also places the embedded H2 file under the data
 * folder, as an absolute path (H2 refuses paths relative to the working directory).
 */
public final class DatabaseSelection implements ConfigSourceFactory {

    /** The setting that chooses the database. */
    public static final String KIND = "throughgate.database.kind";
    private static final String DATA_DIR = "throughgate.data-dir";
    /** H2 speaks PostgreSQL's dialect so that one set of migrations serves both databases. */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    /** Lower than application.properties (250) and the environment (300), so explicit settings still win. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(KIND);
        DatabaseKind kind = DatabaseKind.parse(configured == null ? null : configured.getValue());
        ConfigValue dataDir = context.getValue(DATA_DIR);
        String h2Url = h2Url(Path.of(dataDir == null || dataDir.getValue() == null ? "data" : dataDir.getValue()));
        Map<String, String> activation = Map.of(
                "quarkus.datasource.h2.active", String.valueOf(kind == DatabaseKind.H2),
                "quarkus.datasource.postgresql.active", String.valueOf(kind == DatabaseKind.POSTGRESQL),
                "quarkus.datasource.h2.jdbc.url", h2Url);
        return List.of(new PropertiesConfigSource(activation, "throughgate-database-selection", ORDINAL));
    }

    /** The JDBC URL of the embedded H2 database under a data folder. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("db").resolve("throughgate") + H2_OPTIONS;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}

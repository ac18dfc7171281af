package io.throughgate.database;

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
 * so the artefact carries both and activates one at run time.
 */
public final class DatabaseSelection implements ConfigSourceFactory {

    /** The setting that chooses the database. */
    public static final String KIND = "throughgate.database.kind";
    /** Lower than application.properties (250) and the environment (300), so explicit settings still win. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(KIND);
        DatabaseKind kind = DatabaseKind.parse(configured == null ? null : configured.getValue());
        Map<String, String> activation = Map.of(
                "quarkus.datasource.h2.active", String.valueOf(kind == DatabaseKind.H2),
                "quarkus.datasource.postgresql.active", String.valueOf(kind == DatabaseKind.POSTGRESQL));
        return List.of(new PropertiesConfigSource(activation, "throughgate-database-selection", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}

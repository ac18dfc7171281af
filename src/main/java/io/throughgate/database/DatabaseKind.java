package io.throughgate.database;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The databases the hub runs on; each is a named datasource of the same artefact. */
public enum DatabaseKind {

    /** Embedded H2, in a file under the data folder: the laptop default. */
    H2("h2"),
    /** PostgreSQL: production. */
    POSTGRESQL("postgresql");

    private final String datasourceName;

    DatabaseKind(String datasourceName) {
        this.datasourceName = datasourceName;
    }

    /** The name of the Quarkus datasource, as in {@code quarkus.datasource.<name>.*}. */
    public String datasourceName() {
        return datasourceName;
    }

    /**
     * Reads the configured kind; unset means H2.
     *
     * @throws IllegalArgumentException naming the accepted values when the value is none of them
     */
    public static DatabaseKind parse(String value) {
        if (value == null || value.isBlank()) {
            return H2;
        }
        return Arrays.stream(values()).filter(kind -> kind.datasourceName.equals(value.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(DatabaseSelection.KIND + " is '" + value
                        + "'; it must be one of " + Arrays.stream(values()).map(DatabaseKind::datasourceName)
                                .collect(Collectors.joining(", "))));
    }
}

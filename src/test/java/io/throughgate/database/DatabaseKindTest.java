package io.throughgate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void defaultsToEmbeddedH2() {
        assertEquals(DatabaseKind.H2, DatabaseKind.parse(null));
        assertEquals(DatabaseKind.H2, DatabaseKind.parse(" "));
    }

    @Test
    void readsPostgresql() {
        assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.parse("postgresql"));
    }

    @Test
    void rejectsAnUnknownKindNamingTheAcceptedOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DatabaseKind.parse("oracle"));
        assertEquals("throughgate.database.kind is 'oracle'; it must be one of h2, postgresql", error.getMessage());
    }
}

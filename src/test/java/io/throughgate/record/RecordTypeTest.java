package io.throughgate.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTypeTest {

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void findsEveryTypeByItsCode(RecordType type) {
        assertEquals(Optional.of(type), RecordType.fromCode(type.code()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Release-Notification", "release_notification", "release-notification ", "RELEASE"})
    void findsNoTypeForAnythingButAnExactCode(String code) {
        assertTrue(RecordType.fromCode(code).isEmpty());
    }

    @Test
    void namesTheSchemaFileAndIdOfVersionOne() {
        assertEquals("schemas/records/release-notification.v1.schema.json",
                RecordType.RELEASE_NOTIFICATION.schemaFile());
        assertEquals("urn:throughgate:schema:release-notification:1", RecordType.RELEASE_NOTIFICATION.schemaId());
    }

    @Test
    void hasTheNineTypesOfTheDomain() {
        assertEquals(9, RecordType.values().length);
    }
}

package io.throughgate.agreement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.throughgate.record.schema.ProtectedField;

/** What the agreements need to know of the record schemas: which record types and fields exist. */
public interface RecordFieldCatalog {

    /** The codes of every record type, e.g. {@code release-notification}. */
    Set<String> recordTypes();

    /**
     * Whether a field exists in a record type's schema.
     *
     * @param recordType a record type code
     * @param pointer a JSON pointer, {@code *} for array items; an object's pointer names the whole object
     */
    boolean hasField(String recordType, String pointer);

    /** Every leaf field of a record type, as JSON pointers with {@code *} for array items, in schema order. */
    List<String> leafFields(String recordType);

    /** The schema versions a record type has. */
    Set<Integer> schemaVersions(String recordType);

    /**
     * The field marked as special-category or criminal offence data at or above a pointer, if any (the nearest
     * marked ancestor-or-self; a mark covers everything beneath it).
     */
    Optional<ProtectedField> protectedField(String recordType, String pointer);
}

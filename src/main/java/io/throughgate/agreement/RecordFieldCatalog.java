package io.throughgate.agreement;

import java.util.List;
import java.util.Set;

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
}

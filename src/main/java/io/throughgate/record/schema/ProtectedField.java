package io.throughgate.record.schema;

import java.util.Objects;

/**
 * A field a record schema marks with a {@link DataCategory}; the mark covers the field and everything beneath it.
 *
 * @param pointer the marked field's JSON pointer, {@code *} for array items
 * @param category what it holds
 */
public record ProtectedField(String pointer, DataCategory category) {

    public ProtectedField {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(category, "category");
    }
}

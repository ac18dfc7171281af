package io.throughgate.record.schema;

import java.util.Objects;
import java.util.Set;

/**
 * A field of a record type as its schema declares it.
 *
 * @param pointer the field's JSON pointer with {@code *} for array items, e.g. {@code /subject/name/given}
 * @param types the JSON types the schema allows ({@code string}, {@code object}, ...); empty when it does not say
 * @param description the schema's description of the field, or empty
 * @param leaf whether it is a leaf: a scalar, an array of scalar values or an object the schema leaves open
 */
public record SchemaField(String pointer, Set<String> types, String description, boolean leaf) {

    public SchemaField {
        Objects.requireNonNull(pointer, "pointer");
        types = Set.copyOf(types);
        Objects.requireNonNull(description, "description");
    }
}

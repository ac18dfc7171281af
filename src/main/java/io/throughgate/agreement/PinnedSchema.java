package io.throughgate.agreement;

import java.util.Objects;
import java.util.Optional;

import io.throughgate.record.schema.ProtectedField;

/**
 * What a rule on a container may cover for one record type under one agreement: only the fields of the schema
 * version the agreement was written against ({@link Agreement#recordSchemas()}), and never special-category or
 * criminal offence data, which goes only under a rule of its own. The gate asks it of every field a container rule
 * would let through; the linter refuses agreements whose containers would cover protected fields of the schema they
 * pin, so at run time this withholds what a later schema version adds.
 */
public final class PinnedSchema {

    private final RecordFieldCatalog catalog;
    private final String recordType;
    private final int version;
    private final String agreement;

    /**
     * @param catalog the record schemas' fields
     * @param recordType the record's type
     * @param version the schema version the agreement pins for the type
     * @param agreement the agreement's id and version, for the reasons, e.g. {@code london-resettlement-direct-care
     *        version 2}
     */
    public PinnedSchema(RecordFieldCatalog catalog, String recordType, int version, String agreement) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.recordType = Objects.requireNonNull(recordType, "recordType");
        this.version = version;
        this.agreement = Objects.requireNonNull(agreement, "agreement");
    }

    /** The pinned schema of a record type under an agreement. */
    public static PinnedSchema of(RecordFieldCatalog catalog, Agreement agreement, String recordType) {
        return new PinnedSchema(catalog, recordType, agreement.recordSchemas().getOrDefault(recordType, 0),
                agreement.id() + " version " + agreement.version());
    }

    /**
     * Why a field must be withheld although a rule covers it, or empty when the rule applies.
     *
     * @param rule the most specific rule covering the field
     * @param field the field's pointer, {@code *} for array items
     */
    public Optional<String> refusal(FieldRule rule, String field) {
        if (rule.action() == FieldAction.WITHHOLD || rule.field().equals(field)) {
            return Optional.empty();
        }
        if (!named(field)) {
            return Optional.of("not a field of the " + recordType + " schema version " + version + " that agreement "
                    + agreement + " was written against; withheld until an agreement names it");
        }
        Optional<ProtectedField> marked = catalog.protectedField(recordType, field);
        if (marked.isPresent() && marked.get().pointer().startsWith(rule.field() + "/")) {
            return Optional.of(marked.get().category().description() + " goes only under a rule of its own, "
                    + "never under the rule on " + rule.field());
        }
        return Optional.empty();
    }

    /** Whether the pinned version names the field, or an object it leaves open that holds it. */
    private boolean named(String field) {
        if (!catalog.schemaVersions(recordType).contains(version)) {
            return false;
        }
        if (catalog.hasField(recordType, field)) {
            return true;
        }
        for (String above = field; above.lastIndexOf('/') > 0;) {
            above = above.substring(0, above.lastIndexOf('/'));
            if (catalog.leafFields(recordType).contains(above)) {
                return true;
            }
        }
        return false;
    }
}

package io.throughgate.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.throughgate.record.NoticeType;
import io.throughgate.record.RecordType;
import io.throughgate.record.schema.ProtectedField;
import io.throughgate.record.schema.RecordSchemas;

/**
 * The record fields agreements may name, as the record schemas in {@code contracts/schemas/} define them, and the
 * fields of the notices the hub issues itself ({@link NoticeType}).
 */
public final class SchemaFieldCatalog implements RecordFieldCatalog {

    private static final Set<String> TYPES = Stream.concat(Arrays.stream(RecordType.values()).map(RecordType::code),
            Arrays.stream(NoticeType.values()).map(NoticeType::code)).collect(Collectors.toUnmodifiableSet());

    private final RecordSchemas schemas;

    public SchemaFieldCatalog(RecordSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public Set<String> recordTypes() {
        return TYPES;
    }

    @Override
    public boolean hasField(String recordType, String pointer) {
        return RecordType.fromCode(recordType).map(type -> schemas.hasField(type, pointer)).orElseGet(
                () -> NoticeType.fromCode(recordType).map(notice -> notice.hasField(pointer)).orElse(false));
    }

    @Override
    public List<String> leafFields(String recordType) {
        return RecordType.fromCode(recordType).map(schemas::leafFields).orElseGet(() -> NoticeType.fromCode(
                recordType).map(NoticeType::leafFields).orElse(List.of()));
    }

    @Override
    public Set<Integer> schemaVersions(String recordType) {
        if (RecordType.fromCode(recordType).isPresent()) {
            return Set.of(RecordType.SCHEMA_VERSION);
        }
        return NoticeType.fromCode(recordType).isPresent() ? Set.of(NoticeType.SCHEMA_VERSION) : Set.of();
    }

    @Override
    public Optional<ProtectedField> protectedField(String recordType, String pointer) {
        return RecordType.fromCode(recordType).flatMap(type -> schemas.protectedField(type, pointer));
    }
}

package io.throughgate.record.schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.regex.JDKRegularExpressionFactory;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.json.Json;
import io.throughgate.record.RecordType;

/**
 * The record schemas of the contracts folder, compiled once, and the questions asked of them: is this record valid,
 * and which fields does a record type have.
 *
 * <p>
 * Guarantees: every schema is read, compiled and its validators initialised when {@link #load(ContractFiles)}
 * returns, so validation never compiles anything; an instance is immutable and safe to share between threads.
 * Violation reasons never contain submitted values (see {@link Violation}).
 *
 * <p>
 * A record is checked against its type's schema, which repeats the envelope's fields and fixes the body; a record
 * whose {@code type} is missing or unknown is checked against the envelope alone, which reports {@code /type} and
 * any other envelope problem. The result is what checking the envelope first and then the type's schema gives, in
 * one pass.
 */
public final class RecordSchemas {

    private final JsonSchema envelope;
    private final Map<RecordType, JsonSchema> byType;
    private final SchemaFieldIndex fields;
    private final PlausibleValues plausibleValues;

    private RecordSchemas(JsonSchema envelope, Map<RecordType, JsonSchema> byType, SchemaFieldIndex fields) {
        this.envelope = envelope;
        this.byType = byType;
        this.fields = fields;
        this.plausibleValues = new PlausibleValues(fields);
    }

    /**
     * Reads and compiles the common definitions, the envelope and every record type's schema.
     *
     * @throws InvalidContractException when a schema file is missing, not JSON, declares the wrong {@code $id} or
     *         cannot be compiled
     */
    public static RecordSchemas load(ContractFiles contracts) {
        ObjectMapper json = Json.mapper();
        SchemaDocuments documents = SchemaDocuments.read(contracts, json);
        Map<String, String> texts = new LinkedHashMap<>();
        documents.byId().forEach((id, document) -> texts.put(id, document.toString()));
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .formats(List.of(IdentifierFormat.values())).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(metaSchema).jsonMapper(json)
                        .schemaLoaders(loaders -> loaders.schemas(texts)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                // 2020-12 makes format an annotation; the identifiers' check characters must be asserted.
                .formatAssertionsEnabled(true)
                // The pathway-update body picks its oneOf branch by "pathway"; only that branch's errors count.
                .discriminatorKeywordEnabled(true)
                .pathType(PathType.JSON_POINTER)
                // java.util.regex: no extra engine, and fast enough for the schemas' anchored patterns.
                .regularExpressionFactory(JDKRegularExpressionFactory.getInstance())
                .build();
        JsonSchema envelope = compile(factory, config, SchemaDocuments.ENVELOPE_ID);
        Map<RecordType, JsonSchema> byType = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            byType.put(type, compile(factory, config, type.schemaId()));
        }
        return new RecordSchemas(envelope, byType, SchemaFieldIndex.build(documents));
    }

    private static JsonSchema compile(JsonSchemaFactory factory, SchemaValidatorsConfig config, String id) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(id), config);
        // Resolve every $ref and build every validator now, not on the first record.
        schema.initializeValidators();
        return schema;
    }

    /**
     * Validates one record.
     *
     * @param record the record as parsed JSON, any JSON value (a non-object is one violation at the root)
     * @return every violation, ordered by pointer, including the checks JSON Schema cannot express (plausible
     *         dates, no control characters in text, see {@code PlausibleValues}); empty when the record is valid
     */
    public List<Violation> validate(JsonNode record) {
        Objects.requireNonNull(record, "record");
        JsonNode type = record.get("type");
        Optional<RecordType> known = type != null && type.isTextual()
                ? RecordType.fromCode(type.textValue())
                : Optional.empty();
        JsonSchema schema = known.map(byType::get).orElse(envelope);
        List<Violation> violations = new ArrayList<>(ViolationReasons.violations(schema.validate(record)));
        if (known.isPresent() && record.isObject()) {
            plausibleValues.check(known.get(), record, violations);
            violations.sort(null);
        }
        return List.copyOf(violations);
    }

    /**
     * The field at a pointer of a record type, if the type's schema has it. The pointer uses {@code *} for array
     * items ({@code /body/appointmentsBooked/*}{@code /date}); a numeric index is read as {@code *} too. A pointer
     * to an object ({@code /subject/name}) names the whole object.
     */
    public Optional<SchemaField> field(RecordType type, String pointer) {
        return fields.field(type, pointer);
    }

    /**
     * The field marked with a {@link DataCategory} at or above a pointer of a record type, if any: the nearest
     * marked ancestor-or-self, since a mark covers everything beneath it.
     */
    public Optional<ProtectedField> protectedField(RecordType type, String pointer) {
        return fields.protectedField(type, pointer);
    }

    /** Whether the type's schema has a field at the pointer; see {@link #field(RecordType, String)}. */
    public boolean hasField(RecordType type, String pointer) {
        return field(type, pointer).isPresent();
    }

    /**
     * Every leaf field of a type, in schema order: scalar fields, arrays of scalar values (one field for the whole
     * list) and objects the schema leaves open. Array items appear as {@code *}, e.g.
     * {@code /body/appointmentsBooked/*}{@code /date}.
     */
    public List<String> leafFields(RecordType type) {
        return fields.leafFields(type);
    }
}

package io.throughgate.record.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.record.RecordType;

/**
 * The conventions every schema file keeps: closed objects, a description on every property, a maximum length on
 * every string and a maximum size on every array, and record types that repeat the envelope exactly.
 */
class SchemaConventionsTest {

    static Stream<String> schemaFiles() {
        return Stream.concat(Stream.of(SchemaDocuments.COMMON_FILE, SchemaDocuments.ENVELOPE_FILE),
                Stream.of(RecordType.values()).map(RecordType::schemaFile));
    }

    private static JsonNode read(String file) throws IOException {
        return Samples.JSON.readTree(Samples.CONTRACTS.resolve(file).toFile());
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void keepsObjectsClosedPropertiesDescribedAndStringsAndArraysBounded(String file) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode root = read(file);
        check(root, "#", problems);
        root.path("$defs").fields().forEachRemaining(def -> check(def.getValue(), "#/$defs/" + def.getKey(), problems));
        assertEquals(List.of(), problems, file);
    }

    /** Checks one schema and every schema below it, except $defs (checked from the root) and if (a condition). */
    private static void check(JsonNode schema, String at, List<String> problems) {
        String type = schema.path("type").asText("");
        boolean dispatches = schema.has("then") || schema.has("oneOf");
        if (schema.has("properties") && !dispatches && !schema.path("additionalProperties").isBoolean()) {
            problems.add(at + ": an object with properties must set additionalProperties: false");
        }
        if (schema.path("additionalProperties").asBoolean(false)) {
            problems.add(at + ": additionalProperties must not be true");
        }
        if (type.equals("string") && !schema.has("maxLength") && !schema.has("const")) {
            problems.add(at + ": a string needs maxLength");
        }
        if (type.equals("array") && !schema.has("maxItems")) {
            problems.add(at + ": an array needs maxItems");
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            if (property.getValue().path("description").asText("").isBlank()) {
                problems.add(at + "/properties/" + property.getKey() + ": a property needs a description");
            }
            check(property.getValue(), at + "/properties/" + property.getKey(), problems);
        });
        if (schema.has("items")) {
            check(schema.get("items"), at + "/items", problems);
        }
        for (String branch : List.of("then", "else")) {
            if (schema.has(branch)) {
                check(schema.get(branch), at + "/" + branch, problems);
            }
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            for (int i = 0; i < schema.path(combinator).size(); i++) {
                check(schema.get(combinator).get(i), at + "/" + combinator + "/" + i, problems);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void repeatsTheEnvelopeAndFixesItsTypeAndId(RecordType type) throws IOException {
        JsonNode envelope = read(SchemaDocuments.ENVELOPE_FILE);
        JsonNode schema = read(type.schemaFile());
        assertEquals(type.schemaId(), schema.get("$id").asText());
        assertEquals(envelope.get("required"), schema.get("required"));
        assertEquals(envelope.get("$schema"), schema.get("$schema"));
        assertEquals(false, schema.get("additionalProperties").asBoolean(true));
        List<String> envelopeFields = new ArrayList<>();
        envelope.get("properties").fieldNames().forEachRemaining(envelopeFields::add);
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        assertEquals(envelopeFields, fields);
        for (String shared : List.of("recordId", "sender", "occurredAt", "subject")) {
            assertEquals(envelope.at("/properties/" + shared + "/$ref"), schema.at("/properties/" + shared + "/$ref"),
                    shared);
        }
        assertEquals(type.code(), schema.at("/properties/type/const").asText());
        assertEquals(1, schema.at("/properties/schemaVersion/const").asInt());
        assertTrue(envelope.at("/properties/type/enum").toString().contains('"' + type.code() + '"'));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyTypeSchemaFileIsWhereTheTypeSaysAndHasSamples(RecordType type) {
        assertTrue(Samples.CONTRACTS.resolve(type.schemaFile()).toFile().isFile());
        assertTrue(Samples.ROOT.resolve(Path.of(type.code(), "valid")).toFile().isDirectory());
    }
}

package io.throughgate.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.contract.Digests;

/**
 * JSON with object keys sorted and no insignificant white space. A record's content digest is SHA-256 of this
 * form, so that a retry with the same content but another key order or layout is recognised as the same record;
 * a sharing-log entry is hashed in this form.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The lowercase hex SHA-256 of the canonical form. */
    public static String sha256(JsonNode value) {
        return Digests.sha256Hex(bytes(value));
    }

    /** The canonical form as text. */
    public static String text(JsonNode value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = Json.mapper().createGenerator(out)) {
            write(value, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write canonical JSON", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonNode value, JsonGenerator generator) throws IOException {
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> fields = value.fieldNames(); fields.hasNext();) {
                names.add(fields.next());
            }
            names.sort(null);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(value.get(name), generator);
            }
            generator.writeEndObject();
        } else if (value.isArray()) {
            generator.writeStartArray();
            for (JsonNode item : value) {
                write(item, generator);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(value);
        }
    }
}

package io.throughgate.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of what the hub writes to Kafka and stores, and the one place a JSON mapper is made: fixed here,
 * not by the HTTP layer's settings.
 */
public final class Json {

    private static final ObjectMapper JSON = hubSettings().build();

    private static final ObjectMapper STRICT = JSON.copy().enable(
            com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final ObjectMapper SORTED = hubSettings().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST).build();

    /** The settings every mapper of the hub shares: Java 8 types, and times as ISO 8601 text. */
    private static JsonMapper.Builder hubSettings() {
        return JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).disable(
                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private Json() {
    }

    /** The value as UTF-8 JSON. */
    public static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** The value as a JSON string. */
    public static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** A mapper with the hub's settings that refuses duplicate object keys, for reading what others wrote. */
    public static ObjectMapper strict() {
        return STRICT;
    }

    /**
     * The value as UTF-8 JSON with every object's members in sorted order, in one pass: for a value of records,
     * strings, numbers and lists (no maps), the same bytes as {@link CanonicalJson} of its tree.
     */
    public static byte[] sortedBytes(Object value) {
        try {
            return SORTED.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** A plain mapper with the hub's settings, for streaming and generators. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The value as a JSON tree. */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /**
     * A value read back from JSON the hub wrote.
     *
     * @throws UncheckedIOException if it is not JSON of that type
     */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from JSON", e);
        }
    }

    /**
     * A value read back from JSON text the hub wrote (a stored receipt, say).
     *
     * @throws UncheckedIOException if it is not JSON of that type
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from JSON", e);
        }
    }

    /**
     * JSON the hub wrote, as a tree.
     *
     * @throws UncheckedIOException if it is not JSON
     */
    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON", e);
        }
    }

}

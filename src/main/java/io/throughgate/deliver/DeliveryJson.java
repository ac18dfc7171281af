package io.throughgate.deliver;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of what the hub writes to Kafka and stores: fixed here, not by the HTTP layer's settings. */
public final class DeliveryJson {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DeliveryJson() {
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

    /** A receipt read back from its stored JSON. */
    public static Receipt receipt(String json) {
        try {
            return JSON.readValue(json, Receipt.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored receipt", e);
        }
    }
}

package io.throughgate.deliver;

import java.io.IOException;
import java.io.UncheckedIOException;

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

    /** A receipt read back from its stored JSON. */
    public static Receipt receipt(String json) {
        try {
            return JSON.readValue(json, Receipt.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored receipt", e);
        }
    }
}

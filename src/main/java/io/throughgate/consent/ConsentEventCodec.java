package io.throughgate.consent;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.json.Json;

/** Writes and reads consent events as JSON, in a form fixed here rather than by the HTTP layer's settings. */
public final class ConsentEventCodec {

    private static final ObjectMapper JSON = Json.mapper().copy().enable(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConsentEventCodec() {
    }

    /** The event as JSON bytes. */
    public static byte[] write(ConsentEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a consent event", e);
        }
    }

    /**
     * The event read from JSON bytes.
     *
     * @throws UncheckedIOException if the bytes are not a consent event
     */
    public static ConsentEvent read(byte[] json) {
        try {
            return JSON.readValue(json, ConsentEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a consent event", e);
        }
    }
}

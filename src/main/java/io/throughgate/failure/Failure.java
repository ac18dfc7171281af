package io.throughgate.failure;

import java.util.Objects;

/**
 * An expected failure: what went wrong, in words safe to show the caller. A message never contains a record value
 * or an identifier of a child; it names fields by JSON pointer instead.
 *
 * @param code the error code
 * @param message a human explanation naming the field and the rule
 * @param pointer the JSON pointer of the field concerned, or empty when the failure concerns the whole request
 */
public record Failure(ErrorCode code, String message, String pointer) {

    public Failure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pointer, "pointer");
    }

    /** A failure that concerns the whole request rather than one field. */
    public static Failure of(ErrorCode code, String message) {
        return new Failure(code, message, "");
    }
}

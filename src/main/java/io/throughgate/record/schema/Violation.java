package io.throughgate.record.schema;

import java.util.Objects;

/**
 * One way a record breaks its schema.
 *
 * <p>
 * The reason is built from the schema (the keyword and its limits), never from the record: a child's data must not
 * appear in an error message, a log line or a receipt. A reason may name allowed values taken from the schema, such
 * as the members of an enum.
 *
 * @param pointer the JSON pointer (RFC 6901) of the offending field, e.g. {@code /subject/nhsNumber} or
 *        {@code /body/appointmentsBooked/0/date}; for a missing required field, the pointer the field would have;
 *        for an unknown field, the unknown field's pointer; the empty string for the record as a whole
 * @param reason what is wrong, in words safe to show the sender, e.g. "is required"
 */
public record Violation(String pointer, String reason) implements Comparable<Violation> {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reason, "reason");
    }

    /** Orders by pointer, then reason, so that reports are stable from run to run. */
    @Override
    public int compareTo(Violation other) {
        int byPointer = pointer.compareTo(other.pointer);
        return byPointer != 0 ? byPointer : reason.compareTo(other.reason);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(record)" : pointer) + " " + reason;
    }
}

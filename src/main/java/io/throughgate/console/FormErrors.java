package io.throughgate.console;

import java.util.List;

/**
 * A form's errors, for the GOV.UK error summary at the top of the page and the message beside each field.
 *
 * @param errors each error, in the order of the fields
 */
public record FormErrors(List<Error> errors) {

    /** No errors. */
    static final FormErrors NONE = new FormErrors(List.of());

    /**
     * One field's error.
     *
     * @param field the field's id, which the summary links to
     * @param message what to do, in the Design System's words ("Enter ...", "Select ...")
     */
    public record Error(String field, String message) {
    }

    /** Whether there are any. */
    public boolean any() {
        return !errors.isEmpty();
    }

    /** The message for a field, or empty. */
    public String of(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(Error::message).findFirst().orElse(
                "");
    }
}

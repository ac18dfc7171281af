package io.throughgate.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;

/**
 * An error answer in the form of RFC 9457 (problem details for HTTP APIs), served as
 * {@code application/problem+json}. It never carries record values, identifiers of a child, class names or stack
 * traces.
 *
 * @param type a URI naming the error code, {@code urn:throughgate:problem:<code>}
 * @param title the error code's fixed summary
 * @param status the HTTP status
 * @param detail what went wrong in this request
 * @param code the error code, e.g. {@code unknown-agency}
 * @param violations each field that was wrong, by JSON pointer, when the error concerns fields
 */
@Schema(name = "Problem", description = "An error (RFC 9457 problem details).")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(examples = "urn:throughgate:problem:unknown-agency") String type,
        @Schema(examples = "Agency not in the directory") String title,
        @Schema(examples = "403") int status,
        String detail,
        @Schema(examples = "unknown-agency") String code,
        List<Violation> violations) {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One thing wrong with one field.
     *
     * @param pointer the JSON pointer (RFC 6901) of the field; empty for the whole body
     * @param reason why it was refused
     * @param line for a body that is a YAML document (an agreement draft), the line the problem is on
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Violation")
    public record Violation(@Schema(examples = "/subject/nhsNumber") String pointer, String reason,
            @Schema(examples = "42") Integer line) {

        /** A violation of a JSON body's field. */
        public Violation(String pointer, String reason) {
            this(pointer, reason, null);
        }
    }

    /** The problem for one failure. */
    public static Problem of(Failure failure) {
        List<Violation> violations = failure.pointer().isEmpty()
                ? List.of()
                : List.of(new Violation(failure.pointer(), failure.message()));
        return of(failure.code(), failure.message(), violations);
    }

    /** The problem for an error code with a detail and any field violations. */
    public static Problem of(ErrorCode code, String detail, List<Violation> violations) {
        return new Problem("urn:throughgate:problem:" + code.slug(), code.title(), code.status(), detail, code.slug(),
                List.copyOf(violations));
    }
}

package io.throughgate.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;

/** Builds HTTP answers from failures: the one place a failure becomes a status and a problem body. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** The answer for one failure. */
    public static Response of(Failure failure) {
        return build(Problem.of(failure));
    }

    /** The answer for an error code with a detail and no field violations. */
    public static Response of(ErrorCode code, String detail) {
        return build(Problem.of(code, detail, List.of()));
    }

    /** The answer for an error code with a detail and every field violation. */
    public static Response of(ErrorCode code, String detail, List<Problem.Violation> violations) {
        return build(Problem.of(code, detail, violations));
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

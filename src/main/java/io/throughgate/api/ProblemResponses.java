package io.throughgate.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;

/** Builds HTTP answers from failures: the one place a failure becomes a status and a problem body. */
public final class ProblemResponses {

    private static final int BUSY_RETRY_SECONDS = 1;
    private static final int UNAVAILABLE_RETRY_SECONDS = 5;

    private ProblemResponses() {
    }

    /** The answer for one failure. */
    public static Response of(Failure failure) {
        return of(Problem.of(failure));
    }

    /** The answer for an error code with a detail and no field violations. */
    public static Response of(ErrorCode code, String detail) {
        return of(Problem.of(code, detail, List.of()));
    }

    /** The answer for an error code with a detail and every field violation. */
    public static Response of(ErrorCode code, String detail, List<Problem.Violation> violations) {
        return of(Problem.of(code, detail, violations));
    }

    /**
     * The answer for a problem. A 503 says when to try again ({@code Retry-After}, RFC 9110 section 10.2.3): soon
     * when the hub is busy, a little later when Kafka or the database is unavailable.
     */
    public static Response of(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            answer.header("Retry-After", problem.code().equals(ErrorCode.HUB_BUSY.slug())
                    ? BUSY_RETRY_SECONDS
                    : UNAVAILABLE_RETRY_SECONDS);
        }
        return answer.build();
    }

}

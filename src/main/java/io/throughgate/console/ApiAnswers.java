package io.throughgate.console;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.throughgate.api.Problem;

/**
 * The console's pages are built on the API's own resources, so that a page shows exactly what the API would answer
 * the same DPO, scoped and audited the same way. This unpacks their answers.
 */
final class ApiAnswers {

    private ApiAnswers() {
    }

    /** The answer's body, or the answer's problem shown as the page (by {@link ConsoleAnswers}). */
    static <T> T body(Response answer, Class<T> type) {
        if (failed(answer)) {
            throw new WebApplicationException(answer);
        }
        return type.cast(answer.getEntity());
    }

    /** Whether the API refused or failed. */
    static boolean failed(Response answer) {
        return answer.getStatus() >= 300;
    }

    /** The problem of an answer that failed. */
    static Problem problem(Response answer) {
        return (Problem) answer.getEntity();
    }
}

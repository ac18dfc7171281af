package io.throughgate.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.Receipt;
import io.throughgate.failure.Failure;
import io.throughgate.json.Json;

/** Turns a record's outcome into the HTTP answer: a receipt (202) or a problem. */
final class IngestAnswers {

    private IngestAnswers() {
    }

    static Response response(IngestContext context) {
        if (context.failure().isPresent()) {
            return problemResponse(context);
        }
        Object receipt = context.storedReceipt().<Object>map(stored -> Json.read(stored, Receipt.class))
                .orElseGet(() -> context.receipt()
                        .orElseThrow());
        return Response.accepted(receipt).type(MediaType.APPLICATION_JSON).build();
    }

    static Map<String, Object> lineResult(IngestContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (context.failure().isPresent()) {
            Problem problem = problem(context);
            result.put("status", problem.status());
            result.put("problem", problem);
        } else {
            result.put("status", 202);
            result.put("receipt",
                    context.storedReceipt().<Object>map(stored -> Json.read(stored, Receipt.class))
                            .orElseGet(() -> context
                                    .receipt().orElseThrow()));
        }
        return result;
    }

    private static Response problemResponse(IngestContext context) {
        return ProblemResponses.of(problem(context));
    }

    private static Problem problem(IngestContext context) {
        Failure failure = context.failure().orElseThrow();
        return context.violations().isEmpty()
                ? Problem.of(failure)
                : Problem.of(failure.code(), failure.message(), context.violations());
    }

}

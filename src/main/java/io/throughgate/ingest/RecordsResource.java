package io.throughgate.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.Receipt;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;
import io.throughgate.json.Json;

/**
 * Partners push records here, one or a batch; the Camel routes of {@code routes/ingest-record.yaml} take them on
 * ({@code ingest-record} for one, {@code ingest-batch} for a batch's lines).
 */
@Path("/v1/records")
@Tag(name = "records")
public class RecordsResource {

    /** The media type of newline-delimited JSON. */
    public static final String NDJSON = "application/x-ndjson";

    @Inject
    ProducerTemplate routes;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    IngestAdmission admission;

    private final RecordParser parser = new RecordParser();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push one record", description = "Validates the record, chooses its recipients from the "
            + "agreements in force, lets through to each only the fields its agreement allows (pseudonymised, "
            + "generalised or encrypted as the rule says, consent checked where the rule asks), and writes the "
            + "deliveries and the sharing log in one Kafka transaction. The same record id with the same content "
            + "again gives the same receipt.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "urn:throughgate:schema:envelope:1", description = "A record: the envelope and a "
            + "body of its type, as the schemas in contracts/schemas define")))
    @APIResponse(responseCode = "202", description = "Accepted and delivered; the receipt", content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid: every violation by JSON pointer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The sender is not the certificate's agency, or no agreement "
            + "lets it send this record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The record id was used with other content", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka unavailable (exchange-unavailable), or the hub busy "
            + "with as many records as it takes at once (hub-busy); nothing was delivered", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying with the same record id", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> push(byte[] body) {
        IngestContext received = newContext(body);
        return admitted(1, body.length,
                () -> IngestAnswers.response(routes.requestBody("direct:ingest-record", received,
                        IngestContext.class)));
    }

    @POST
    @Path("/batch")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Push records in a batch", description = "Newline-delimited JSON, one record per line (at "
            + "most 1,000). Every record is treated as if pushed alone; the answer has one line per record: its line "
            + "number, status and receipt or problem.")
    @APIResponse(responseCode = "200", description = "One result per line, in order")
    @APIResponse(responseCode = "413", description = "Too many lines or too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The hub busy with as many records as it takes at once "
            + "(hub-busy); nothing of the batch was taken", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> pushBatch(byte[] body) {
        IngestContext template = newContext(null);
        return admitted(BatchLines.forEachRecord(body, (number, from, to) -> {
        }), body.length, () -> batch(body, template));
    }

    private Response batch(byte[] body, IngestContext template) {
        return parser.parseLines(body).fold(lines -> batchOfLines(lines, template), ProblemResponses::of);
    }

    private Response batchOfLines(List<ParsedLine> lines, IngestContext template) {
        List<IngestContext> contexts = new ArrayList<>(lines.size());
        for (ParsedLine line : lines) {
            IngestContext context = template.line();
            context.parsed(line.result());
            contexts.add(context);
        }
        routes.requestBody("direct:ingest-batch", contexts);
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", lines.get(i).line());
            result.putAll(IngestAnswers.lineResult(contexts.get(i)));
            answer.append(Json.text(result)).append('\n');
        }
        return Response.ok(answer.toString(), NDJSON).build();
    }

    /**
     * Runs a request's work if the hub has room for its records and its body, and answers 503 with
     * {@code Retry-After} at once if it has not. The room is given back when the work ends: a client that goes away
     * mid-request does not free it while its work still runs.
     *
     * <p>The work runs on a worker thread. The methods return a {@link Uni} so that the body is read on the I/O
     * thread before any worker is taken: with a blocking method, a client that sends its body slowly (or never
     * finishes it) holds a worker thread while it trickles, and a few hundred such clients hold them all.
     */
    private Uni<Response> admitted(int records, long bodyBytes, Supplier<Response> work) {
        IngestAdmission.Admitted admitted = admission.tryAdmit(records, bodyBytes);
        if (admitted == null) {
            return Uni.createFrom().item(ProblemResponses.of(ErrorCode.HUB_BUSY, "The hub is working on as many "
                    + "records or bytes as it takes at once (" + admission.maxInFlight() + " records, "
                    + admission.maxBytesInFlight() / (1024 * 1024) + " MiB); nothing of this request was taken. "
                    + "Retry after the time in Retry-After."));
        }
        return Uni.createFrom().item(() -> admitted.run(work)).runSubscriptionOn(Infrastructure
                .getDefaultWorkerPool()).onCancellation().invoke(admitted::abandon);
    }

    private IngestContext newContext(byte[] body) {
        return new IngestContext(body, caller.identity(), clock.instant(), LocalDate.now(clock));
    }
}

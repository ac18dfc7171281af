package io.throughgate.inbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.DpoAudit;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Caller;
import io.throughgate.json.Json;

/**
 * The HTTPS inbox, the mailbox pattern of NHS MESH for case systems without a Kafka client: the caller's own agency's
 * inbox, and no other, since the agency comes from the client certificate and nothing in the request names one.
 */
@Path("/v1/inbox")
@Tag(name = "inbox")
public class InboxResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MOST_MESSAGES = 500;
    static final int LONGEST_WAIT_SECONDS = 30;

    /**
     * A page of the inbox.
     *
     * @param messages the next messages, oldest first within each partition
     * @param cursor where the inbox stands after them: pass it as {@code after} to read on, or acknowledge it
     */
    @Schema(name = "InboxPage")
    public record InboxPageView(List<InboxMessage> messages, @Schema(examples = "0-13.1-7.2-30") String cursor) {
    }

    /**
     * An acknowledgement.
     *
     * @param cursor a cursor this inbox gave: every message before it is acknowledged
     */
    @Schema(name = "InboxAcknowledgement")
    public record Acknowledgement(@Schema(examples = "0-13.1-7.2-30") String cursor) {
    }

    @Inject
    Caller caller;

    @Inject
    InboxReader reader;

    @Inject
    InboxAcknowledgements acknowledgements;

    @Inject
    DpoAudit audit;

    @Inject
    InboxWaits waits;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read your agency's inbox", description = "The next messages of your agency's inbox "
            + "(`tg.inbox.<agency>`, the agency of your client certificate), exactly as Kafka subscribers receive "
            + "them: value (base64, the signed bytes), key and headers, to verify and decrypt as "
            + "`docs/subscribing.md` describes. Only committed messages (read_committed). Without `after`, reading "
            + "starts at your agency's last acknowledgement, so what is not acknowledged comes again. With no "
            + "message, waits up to `wait` seconds for one (long polling; when too many reads of your agency, or "
            + "of all agencies, are already waiting, it answers at once). Every read that serves messages is in "
            + "the access audit.")
    @APIResponse(responseCode = "200", description = "The next messages, perhaps none", content = @Content(schema = @Schema(implementation = InboxPageView.class)))
    @APIResponse(responseCode = "400", description = "`after` is not a cursor of this inbox, or `limit` or `wait` is out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka or the database is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(
            @Parameter(description = "a cursor from an earlier page or message; omit to start at your agency's last "
                    + "acknowledgement") @QueryParam("after") String after,
            @Parameter(description = "the most messages, 1 to " + MOST_MESSAGES + " (default " + DEFAULT_LIMIT
                    + ")") @QueryParam("limit") String limit,
            @Parameter(description = "seconds to wait when there is no message, 0 to " + LONGEST_WAIT_SECONDS
                    + " (default 0)") @QueryParam("wait") String wait) {
        List<Problem.Violation> violations = new ArrayList<>();
        InboxCursor cursor = after == null ? null : cursor("after", after, violations);
        int most = number("limit", limit, DEFAULT_LIMIT, 1, MOST_MESSAGES, violations);
        int seconds = number("wait", wait, 0, 0, LONGEST_WAIT_SECONDS, violations);
        if (!violations.isEmpty()) {
            return invalid(violations);
        }
        AgencyIdentity identity = caller.identity();
        String agency = identity.agency().code();
        return answer("after", "served", () -> {
            Map<Integer, Long> acknowledged = cursor == null ? acknowledgements.positions(agency) : Map.of();
            InboxReader.Page page;
            try (InboxWaits.Permit permit = seconds == 0 ? null : waits.tryWait(agency)) {
                Duration waiting = permit != null && permit.granted()
                        ? Duration.ofSeconds(seconds)
                        : Duration.ZERO;
                page = reader.read(agency, cursor, acknowledged, most, waiting);
            }
            if (!page.messages().isEmpty()) {
                audit.record(identity, "inbox-read", auditCriteria(page), List.of(), page.messages().size());
            }
            return Response.ok(new InboxPageView(page.messages(), page.cursor().text())).header("Cache-Control",
                    "no-store").build();
        });
    }

    @POST
    @Path("/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge your inbox up to a cursor", description = "Every message before the cursor "
            + "is acknowledged for your agency: reads without `after` start there, on every hub replica and after "
            + "restarts. Acknowledgements only move forward: acknowledging an earlier cursor changes nothing.")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = Acknowledgement.class)))
    @APIResponse(responseCode = "400", description = "Not a cursor of this inbox", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka or the database is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acknowledge(Acknowledgement body) {
        List<Problem.Violation> violations = new ArrayList<>();
        InboxCursor cursor = body == null || body.cursor() == null
                ? null
                : cursor("/cursor", body.cursor(), violations);
        if (cursor == null) {
            return invalid(violations.isEmpty()
                    ? List.of(new Problem.Violation("/cursor", "is required: a cursor this inbox gave"))
                    : violations);
        }
        String agency = caller.identity().agency().code();
        return answer("/cursor", "acknowledged", () -> {
            reader.check(agency, cursor);
            acknowledgements.acknowledge(agency, cursor);
            return Response.ok(new Acknowledgement(cursor.text())).build();
        });
    }

    /** What a request does once its parameters are valid. */
    @FunctionalInterface
    private interface Work {

        Response run() throws InboxReader.UnknownCursor, SQLException;
    }

    /**
     * The work's answer, or the problem that stopped it: an unknown cursor names its field; an unavailable database
     * or Kafka says that nothing was done.
     */
    private static Response answer(String cursorField, String undone, Work work) {
        try {
            return work.run();
        } catch (InboxReader.UnknownCursor e) {
            return invalid(List.of(new Problem.Violation(cursorField, e.getMessage())));
        } catch (SQLException e) {
            return ProblemResponses.of(ErrorCode.SHARING_LOG_UNAVAILABLE, "The hub's database is unavailable; "
                    + "nothing was " + undone + ". Try again.");
        } catch (KafkaException e) {
            return ProblemResponses.of(ErrorCode.EXCHANGE_UNAVAILABLE, "Kafka is unavailable; nothing was " + undone
                    + ". Try again.");
        }
    }

    /** Which deliveries were served, as partition and offset ranges (each names one delivery in the sharing log). */
    private static String auditCriteria(InboxReader.Page page) {
        Map<Integer, long[]> ranges = new TreeMap<>();
        for (InboxMessage message : page.messages()) {
            ranges.merge(message.partition(), new long[]{message.offset(), message.offset()}, (a, b) -> new long[]{
                    Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, String> served = new TreeMap<>();
        ranges.forEach((partition, range) -> served.put(String.valueOf(partition), range[0] + "-" + range[1]));
        return Json.text(Map.of("served", served, "cursor", page.cursor().text()));
    }

    private static InboxCursor cursor(String field, String text, List<Problem.Violation> violations) {
        try {
            return InboxCursor.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation(field, e.getMessage()));
            return null;
        }
    }

    private static int number(String field, String text, int otherwise, int least, int most,
            List<Problem.Violation> violations) {
        if (text == null) {
            return otherwise;
        }
        if (text.matches("[0-9]{1,4}")) {
            int value = Integer.parseInt(text);
            if (value >= least && value <= most) {
                return value;
            }
        }
        violations.add(new Problem.Violation(field, "must be a whole number from " + least + " to " + most));
        return otherwise;
    }

    private static Response invalid(List<Problem.Violation> violations) {
        return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The request is not valid; see the violations.",
                violations);
    }
}

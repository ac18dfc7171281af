package io.throughgate.timeliness.api;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;
import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Caller;
import io.throughgate.identity.Role;
import io.throughgate.timeliness.Milestone;
import io.throughgate.timeliness.Timelines;
import io.throughgate.timeliness.TimelinessContract;
import io.throughgate.timeliness.TimelinessTable;

/**
 * Timeliness of resettlement at a strategic level: per London borough and month of release, the children released
 * and how their milestones went, for data protection officers and the partnership. Counts only, with the
 * small-number rules of official statistics, so the tables may be shared beyond the DPOs.
 */
@Path("/v1/timeliness")
@Tag(name = "timeliness")
public class TimelinessResource {

    /** The most months one request covers. */
    static final int MAX_MONTHS = 24;

    @Inject
    Caller caller;

    @Inject
    Timelines timelines;

    @Inject
    TimelinessContract contract;

    @Inject
    AgencyDirectory directory;

    @Inject
    DisclosureContract disclosure;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Timeliness per borough and month", description = "For each month of release from `from` "
            + "to `to` (at most 24; the last 12 months unless given) and each of the 32 London boroughs' YOTs, then "
            + "London: children released, and their milestones (contracts/timeliness.yaml) met on time, met late, "
            + "missed and still open. Under the table's rule in contracts/disclosure.yaml, given in `rules`, small "
            + "counts (1 to 4 as shipped) are suppressed (null, and named in `suppressed`), the rest rounded (to the "
            + "nearest 5), and further counts suppressed until no suppressed count can be narrowed to a range "
            + "narrower than the smallest count published, from what is shown (row and column totals, and each row's "
            + "outcomes adding up to one per milestone and release). For data protection officers and the "
            + "partnership's certificate.")
    @APIResponse(responseCode = "200", description = "The tables", content = @Content(schema = @Schema(implementation = TimelinessView.class)))
    @APIResponse(responseCode = "400", description = "from or to is not a month (YYYY-MM), from is after to, or the "
            + "span is longer than 24 months", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO's or the partnership's certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tables(
            @Parameter(description = "The first month of release, YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "The last month of release, YYYY-MM") @QueryParam("to") String to) {
        AgencyIdentity identity = caller.identity();
        if (!identity.has(Role.DPO) && identity.agency().kind() != AgencyKind.PARTNERSHIP) {
            return ProblemResponses.of(ErrorCode.DPO_OR_PARTNERSHIP_ONLY, "Only a data protection officer's or the "
                    + "partnership's certificate reads the timeliness statistics.");
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth last;
        YearMonth first;
        try {
            last = to == null ? YearMonth.from(today) : month("to", to);
            first = from == null ? last.minusMonths(11) : month("from", from);
        } catch (NotAMonth e) {
            return ProblemResponses.of(e.failure);
        }
        if (first.isAfter(last)) {
            return ProblemResponses.of(new Failure(ErrorCode.INVALID_REQUEST, "from (" + first + ") must not be after "
                    + "to (" + last + ").", "from"));
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            return ProblemResponses.of(new Failure(ErrorCode.INVALID_REQUEST, "A request covers at most "
                    + MAX_MONTHS + " months.", "from"));
        }
        try {
            return Response.ok(view(first, last, today)).build();
        } catch (SQLException e) {
            return ProblemResponses.of(ErrorCode.DATABASE_UNAVAILABLE, "The timeliness statistics cannot be read just "
                    + "now. Try again shortly.");
        }
    }

    /** The tables of the months from {@code first} to {@code last}, as released children stand today. */
    public TimelinessView view(YearMonth first, YearMonth last, LocalDate today) throws SQLException {
        DisclosureRule rule = disclosure.rule(PublishedTable.TIMELINESS);
        List<String> boroughs = directory.ofKind(AgencyKind.YOT).stream().map(agency -> agency.code()).sorted()
                .toList();
        LocalDate releasedBy = last.atEndOfMonth().isAfter(today) ? today : last.atEndOfMonth();
        List<io.throughgate.timeliness.Timeline> released = timelines.releasedBetween(first.atDay(1), releasedBy);
        List<Timelines.Tally> tallies = timelines.tallies(first, last);
        List<TimelinessTable> tables = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            tables.add(TimelinessTable.of(month, boroughs, released, tallies, contract, today, rule));
        }
        return TimelinessView.of(clock.instant(), contract.milestones().stream().map(Milestone::id).toList(), rule,
                tables);
    }

    private static YearMonth month(String name, String text) throws NotAMonth {
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}")) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // Reported below.
        }
        throw new NotAMonth(new Failure(ErrorCode.INVALID_REQUEST, name + " must be a month, YYYY-MM.", name));
    }

    /** A query parameter that is not a month. */
    private static final class NotAMonth extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        NotAMonth(Failure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}

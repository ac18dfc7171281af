package io.throughgate.evaluation.api;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.directory.AgencyKind;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.evaluation.CountTableJson;
import io.throughgate.evaluation.EvaluationExtractJson;
import io.throughgate.evaluation.EvaluationMeasures;
import io.throughgate.evaluation.publish.EvaluationDeliveries;
import io.throughgate.evaluation.publish.EvaluationExtracts;
import io.throughgate.evaluation.publish.EvaluationReleases;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Caller;
import io.throughgate.identity.Role;

/**
 * The evaluation's monthly tables, as published: per London borough, admissions, releases, planning meetings and
 * transitions to adult services; each milestone due in the month met on time, met late or missed; and consent to
 * evaluation given, refused and withdrawn; each for the month and the evaluation year to date, protected under the
 * rules of contracts/disclosure.yaml. For data protection officers, the partnership and its evaluators.
 */
@Path("/v1/evaluation")
@Tag(name = "evaluation")
public class EvaluationResource {

    /** The media type of the tables as CSV. */
    static final String CSV = "text/csv";

    @Inject
    Caller caller;

    @Inject
    EvaluationReleases releases;

    @Inject
    EvaluationExtracts extracts;

    @Inject
    EvaluationDeliveries deliveries;

    @Inject
    Clock clock;

    /**
     * A month's tables.
     *
     * @param month the month
     * @param tables each table, for the month and the year to date
     */
    @Schema(description = "A month's evaluation tables, as published.")
    public record MonthView(String month, List<TableView> tables) {
    }

    /**
     * One table of a month.
     *
     * @param table the table's name in contracts/disclosure.yaml
     * @param publishedAt when the hub made it
     * @param month the month's counts
     * @param yearToDate the counts from the start of the evaluation year (April), or of the first month published
     *        that year, to the month's end
     */
    @Schema(description = "One table: the month's counts and the year to date's, per borough then London. Each "
            + "has `table`, `month`, `span` (month or year-to-date), `from` and `to` (the months counted), `rule` "
            + "(suppressedFrom, suppressedTo, roundedTo), `measures`, and `rows`, each with `borough`, `counts` by "
            + "measure (null where suppressed) and `suppressed` (the measures withheld).")
    public record TableView(String table, Instant publishedAt, ObjectNode month, ObjectNode yearToDate) {
    }

    @GET
    @Path("/tables")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The evaluation's tables of a month", description = "The tables the hub published for the "
            + "month (it makes them 5 days after the month ends, and never changes them): evaluation-custody "
            + "(admissions, releases, planning meetings and transitions to adult services the hub received), "
            + "evaluation-milestones (each milestone of contracts/timeliness.yaml due in the month, met on time, "
            + "met late, or missed by the day the tables were made) and evaluation-consent (decisions on consent to "
            + "evaluation given, refused, and withdrawn), per London borough (the child's responsible YOT), "
            + "`not-known`, then London. Small counts are suppressed under each table's rule in "
            + "contracts/disclosure.yaml (1 to 7 as shipped), the rest rounded to 5, and further counts suppressed "
            + "until none can be narrowed below the threshold from the month's table, the year to date's and last "
            + "month's year to date. GET /v1/evaluation/months lists the months published. For data "
            + "protection officers, the partnership and the evaluators (an `eval` agency).")
    @APIResponse(responseCode = "200", description = "The month's tables", content = @Content(schema = @Schema(implementation = MonthView.class)))
    @APIResponse(responseCode = "400", description = "month is missing or not a month (YYYY-MM)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO's, the partnership's or an evaluator's certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The month's tables are not published yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tables(
            @Parameter(description = "The month, YYYY-MM", required = true) @QueryParam("month") String month) {
        return read(month, published -> Response.ok(new MonthView(published.get(0).month().toString(), published
                .stream().map(release -> new TableView(release.table().code(), release.publishedAt(), release
                        .monthTable(), release.yearToDateTable()))
                .toList())).build());
    }

    /**
     * The months whose tables are published.
     *
     * @param months newest first
     */
    @Schema(description = "The months whose evaluation tables are published, newest first.")
    public record MonthsView(List<String> months) {
    }

    @GET
    @Path("/months")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The months whose evaluation tables are published", description = "Newest first. For data "
            + "protection officers, the partnership and the evaluators.")
    @APIResponse(responseCode = "200", description = "The months", content = @Content(schema = @Schema(implementation = MonthsView.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO's, the partnership's or an evaluator's certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response months() {
        Optional<Response> refused = refused();
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return Response.ok(new MonthsView(releases.months().stream().map(YearMonth::toString).toList())).build();
        } catch (SQLException e) {
            return unavailable();
        }
    }

    @GET
    @Path("/tables/{table}/{span}.csv")
    @Produces(CSV)
    @Operation(summary = "One evaluation table of a month, as CSV", description = "The table as GET "
            + "/v1/evaluation/tables gives it, as CSV: a header of `borough` and the measures, then a line per "
            + "borough, `not-known` and `london`, with `[c]` where a count is suppressed.")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(mediaType = CSV))
    @APIResponse(responseCode = "400", description = "month is missing or not a month (YYYY-MM)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO's, the partnership's or an evaluator's certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such table, or the month's tables are not published yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(
            @Parameter(description = "evaluation-custody, evaluation-milestones or evaluation-consent") @PathParam("table") String table,
            @Parameter(description = "month or year-to-date") @PathParam("span") String span,
            @Parameter(description = "The month, YYYY-MM", required = true) @QueryParam("month") String month) {
        Optional<PublishedTable> name = PublishedTable.fromCode(table).filter(EvaluationMeasures.tables()::contains);
        if (name.isEmpty() || !List.of("month", "year-to-date").contains(span)) {
            return ProblemResponses.of(ErrorCode.NOT_FOUND, "There is no evaluation table " + table + "/" + span
                    + ".csv: the tables are " + String.join(", ", EvaluationMeasures.tables().stream().map(
                            PublishedTable::code).toList())
                    + ", each as month or year-to-date.");
        }
        return read(month, published -> {
            EvaluationReleases.Release release = published.stream().filter(one -> one.table() == name.get())
                    .findFirst().orElseThrow();
            ObjectNode json = span.equals("month") ? release.monthTable() : release.yearToDateTable();
            return Response.ok(CountTableJson.csv(CountTableJson.table(json)), CSV + "; charset=utf-8").header(
                    "Content-Disposition", "attachment; filename=\"" + table + "-" + month + "-" + span + ".csv\"")
                    .build();
        });
    }

    @GET
    @Path("/extract")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The evaluation's record-level extract of a month", description = "One row per child "
            + "released from the evaluation year's April to the month's end whose consent to evaluation, on the day "
            + "the extract was made, let their release notification go to the evaluators: a pseudonym of this "
            + "extract only, age band, gender, ethnicity, borough, establishment kind, release month, and each "
            + "milestone's outcome. The quasi-identifiers are k-anonymous (k and the rest in "
            + "contracts/disclosure.yaml): every row's are generalised alike, as little as will do, and children "
            + "still in a group smaller than k are left out; `dictionary` says what each column holds, how far each "
            + "was generalised and how many children were left out. Made with the month's tables, never changed, "
            + "and sent to the evaluators' inbox. Only for an agency an agreement in force sends it to (the "
            + "evaluators, under london-resettlement-evaluation).")
    @APIResponse(responseCode = "200", description = "The extract", content = @Content(schema = @Schema(implementation = ExtractView.class)))
    @APIResponse(responseCode = "400", description = "month is missing or not a month (YYYY-MM)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No agreement in force sends the extract to the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The month's extract is not published yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response extract(
            @Parameter(description = "The month, YYYY-MM", required = true) @QueryParam("month") String month) {
        return readExtract(month, extract -> Response.ok(extract).build());
    }

    @GET
    @Path("/extract.csv")
    @Produces(CSV)
    @Operation(summary = "The evaluation's extract of a month, as CSV", description = "The rows of GET "
            + "/v1/evaluation/extract, a header of the columns first; its data dictionary is in the JSON.")
    @APIResponse(responseCode = "200", description = "The extract's rows", content = @Content(mediaType = CSV))
    @APIResponse(responseCode = "400", description = "month is missing or not a month (YYYY-MM)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No agreement in force sends the extract to the caller's agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The month's extract is not published yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response extractCsv(
            @Parameter(description = "The month, YYYY-MM", required = true) @QueryParam("month") String month) {
        return readExtract(month, extract -> Response.ok(EvaluationExtractJson.csv(extract), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"evaluation-extract-" + month + ".csv\"")
                .build());
    }

    /**
     * The extract as published.
     *
     * @param month the month
     * @param from the first month of release it covers
     * @param to the last
     * @param columns its columns
     * @param rows its rows, each a value per column
     * @param dictionary what each column holds and how far it was generalised, k, and how many were left out
     */
    @Schema(description = "The evaluation's record-level extract of a month, with its data dictionary.")
    public record ExtractView(String month, String from, String to, List<String> columns, List<List<String>> rows,
            ObjectNode dictionary) {
    }

    private Response readExtract(String month, java.util.function.Function<ObjectNode, Response> answer) {
        Optional<YearMonth> parsed = parseMonth(month);
        if (parsed.isEmpty()) {
            return ProblemResponses.of(new Failure(ErrorCode.INVALID_REQUEST, "month must be a month, YYYY-MM.",
                    "month"));
        }
        if (!deliveries.extractMayGoTo(caller.identity().agency().code(), parsed.get(), LocalDate.now(clock))) {
            return ProblemResponses.of(ErrorCode.NO_AGREEMENT_FOR_EXTRACT, "No agreement in force sends the "
                    + "evaluation's extract to your agency.");
        }
        try {
            Optional<ObjectNode> extract = extracts.of(parsed.get());
            if (extract.isEmpty()) {
                return ProblemResponses.of(ErrorCode.NOT_YET_PUBLISHED, "The evaluation's extract of " + parsed.get()
                        + " is not published yet: a month's extract is made a few days after it ends.");
            }
            return answer.apply(extract.get());
        } catch (SQLException e) {
            return unavailable();
        }
    }

    private static Optional<YearMonth> parseMonth(String month) {
        try {
            return month != null && month.matches("[0-9]{4}-[0-9]{2}")
                    ? Optional.of(YearMonth.parse(month))
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What to answer once a month's tables are read. */
    private interface Answer {

        Response of(List<EvaluationReleases.Release> published);
    }

    /** The refusal of a caller who may not read the tables, if the caller may not. */
    private Optional<Response> refused() {
        AgencyIdentity identity = caller.identity();
        if (!identity.has(Role.DPO) && identity.agency().kind() != AgencyKind.PARTNERSHIP && identity.agency()
                .kind() != AgencyKind.EVAL) {
            return Optional.of(ProblemResponses.of(ErrorCode.EVALUATION_READERS_ONLY, "Only a data protection "
                    + "officer's, the partnership's or an evaluator's certificate reads the evaluation's tables."));
        }
        return Optional.empty();
    }

    private static Response unavailable() {
        return ProblemResponses.of(ErrorCode.DATABASE_UNAVAILABLE, "The evaluation's tables cannot be read just now. "
                + "Try again shortly.");
    }

    private Response read(String month, Answer answer) {
        Optional<Response> refused = refused();
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<YearMonth> parsed = parseMonth(month);
        if (parsed.isEmpty()) {
            return ProblemResponses.of(new Failure(ErrorCode.INVALID_REQUEST, "month must be a month, YYYY-MM.",
                    "month"));
        }
        try {
            List<EvaluationReleases.Release> published = releases.of(parsed.get());
            if (published.size() < EvaluationMeasures.tables().size()) {
                return ProblemResponses.of(ErrorCode.NOT_YET_PUBLISHED, "The evaluation's tables of " + parsed.get()
                        + " are not published yet: a month's tables are made a few days after it ends.");
            }
            return answer.of(published);
        } catch (SQLException e) {
            return unavailable();
        }
    }
}

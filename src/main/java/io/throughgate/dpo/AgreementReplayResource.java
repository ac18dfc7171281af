package io.throughgate.dpo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.DpoAudit;
import io.throughgate.contract.ContractProblem;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.dpo.report.ReplayHtml;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;
import io.throughgate.json.Json;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.replay.AgreementReplay;
import io.throughgate.replay.ReplayReport;
import io.throughgate.sharinglog.SharingLog;

/**
 * {@code POST /v1/agreements/replay}: a DPO replays a draft agreement over a period of the sharing log before anyone
 * signs it, as JSON or as a page for a DPIA annex. Only the entries the DPO may see are read; each replay is
 * recorded in the audit of DPO queries.
 */
@Path("/v1/agreements/replay")
@Tag(name = "agreements", description = "The sharing agreements the hub knows and enforces")
public class AgreementReplayResource {

    /** The media types a draft may come as. */
    static final String YAML = "application/yaml";
    /** The largest draft read. */
    static final int MAX_DRAFT_BYTES = 256 * 1024;
    private static final String HTML = "text/html";

    @Inject
    Caller caller;

    @Inject
    SharingLog log;

    @Inject
    AgreementReplay replay;

    @Inject
    DpoAudit audit;

    @Inject
    AgencyDirectory directory;

    @Inject
    PurposeCatalog purposes;

    @Inject
    Clock clock;

    @POST
    @Consumes({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a draft agreement over the sharing log", description = "For a DPO, before anyone "
            + "signs: the draft (a new agreement, or a changed version of one in force, unsigned) is read and "
            + "checked like a signed one; then each record of the period in the sharing log that the DPO may see is "
            + "routed and gated again under it, with the consent decisions in force when the hub received the "
            + "record, and compared with what went under the version in force then. The answer lists, for each "
            + "flow and recipient, the fields that would newly be released, newly withheld or change form, "
            + "recipients gained or lost, and consent now needed or no longer needed, with the deliveries and "
            + "distinct children each applies to: counts from 1 to 7 suppressed, the rest rounded to 5 "
            + "(contracts/disclosure.yaml, agreement-replay). It also gives the draft's changes rule by rule and "
            + "refuses any widening of special-category or criminal offence data whose rule names no condition. "
            + "Accept: text/html gives a page for a DPIA annex.")
    @RequestBody(description = "The draft agreement, YAML as in contracts/agreements", content = @Content(mediaType = YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The replay", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayReport.class)),
            @Content(mediaType = HTML)})
    @APIResponse(responseCode = "400", description = "The period is missing or wrong, or the draft has problems: each with its line", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The draft is larger than 256 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log or the consent decisions cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response json(byte[] draft,
            @Parameter(description = "The period's first day", example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(description = "The period's last day (at most 366 days after the first)", example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "true: each change lists the records it applies to") @QueryParam("records") String records) {
        return answer(draft, from, to, records, (report, dpo) -> Response.ok(report).type(
                MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Consumes({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(HTML + SharingLogResource.SECOND_CHOICE)
    @Operation(hidden = true)
    public Response html(byte[] draft, @QueryParam("from") String from, @QueryParam("to") String to) {
        return answer(draft, from, to, null, (report, dpo) -> Response.ok(new ReplayHtml(directory, purposes).render(
                report, clock.instant(), dpo), HTML + "; charset=UTF-8").build());
    }

    private interface Render {

        Response render(ReplayReport report, String dpoAgency);
    }

    private Response answer(byte[] draft, String from, String to, String records, Render render) {
        return DpoRequests.asDpo(caller, log, dpo -> {
            if (draft != null && draft.length > MAX_DRAFT_BYTES) {
                return ProblemResponses.of(ErrorCode.RECORD_TOO_LARGE, "A draft agreement is at most "
                        + MAX_DRAFT_BYTES / 1024 + " KiB.");
            }
            List<Problem.Violation> violations = new ArrayList<>();
            Optional<LocalDate> first = day("from", from, violations);
            Optional<LocalDate> last = day("to", to, violations);
            if (first.isPresent() && last.isPresent() && (last.get().isBefore(first.get()) || ChronoUnit.DAYS
                    .between(first.get(), last.get()) >= AgreementReplay.MAX_DAYS)) {
                violations.add(new Problem.Violation("to", "must be on or after from, and at most "
                        + AgreementReplay.MAX_DAYS + " days after it"));
            }
            if (records != null && !records.equals("true") && !records.equals("false")) {
                violations.add(new Problem.Violation("records", "must be true or false"));
            }
            if (!violations.isEmpty()) {
                return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The replay's period is not a period: give "
                        + "from and to as days, YYYY-MM-DD.", violations);
            }
            AgreementReplay.Outcome outcome;
            try {
                outcome = replay.replay(draft == null ? new byte[0] : draft, first.get(), last.get(), dpo, "true"
                        .equals(records));
            } catch (java.util.concurrent.TimeoutException e) {
                return DpoRequests.unavailable();
            }
            if (outcome.report().isEmpty()) {
                return ProblemResponses.of(ErrorCode.INVALID_AGREEMENT_DRAFT, "The draft has " + outcome.problems()
                        .size() + " problems; each is listed with its line. Nothing was replayed.", outcome
                                .problems().stream().map(AgreementReplayResource::violation).toList());
            }
            ReplayReport report = outcome.report().get();
            audit.record(dpo, "agreement-replay",
                    Json.text(new java.util.TreeMap<>(java.util.Map.of("agreement", report.agreementId(),
                            "version", report.draftVersion(), "from", first.get().toString(), "to",
                            last.get().toString()))),
                    List.of(), report.changes().size());
            return render.render(report, dpo.agency());
        });
    }

    private static Optional<LocalDate> day(String name, String text, List<Problem.Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Problem.Violation(name, "is required: a day, YYYY-MM-DD"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(name, "must be a day, YYYY-MM-DD"));
            return Optional.empty();
        }
    }

    private static Problem.Violation violation(ContractProblem problem) {
        return new Problem.Violation("", (problem.entry().isEmpty() ? "" : problem.entry() + ": ") + problem
                .message(), problem.line() > 0 ? problem.line() : null);
    }
}

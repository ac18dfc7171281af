package io.throughgate.dpo;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.DpoAudit;
import io.throughgate.audit.DpoScope;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.dpo.report.SharingLogCsv;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.sharinglog.LogSearch;
import io.throughgate.sharinglog.LogVerification;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogLeaf;
import io.throughgate.sharinglog.SharingLogQueries;
import io.throughgate.sharinglog.VerificationRuns;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * The sharing log for data protection officers: search by child, agency, agreement, record type, date and outcome;
 * export as CSV or as verifiable JSON; one entry with its inclusion proof; verification of the whole log; and the
 * audit of DPO queries. Every query is recorded in that audit before it is answered.
 */
@Path("/v1/sharing-log")
@Tag(name = "sharing log")
@Produces(MediaType.APPLICATION_JSON)
public class SharingLogResource {

    static final String CSV = "text/csv";
    /** Marks an alternative representation, so that a client accepting anything gets JSON. */
    static final String SECOND_CHOICE = ";qs=0.5";

    @Inject
    Caller caller;

    @Inject
    SharingLog log;

    @Inject
    DpoAudit audit;

    @Inject
    AgencyDirectory directory;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    java.time.Clock clock;

    @Inject
    VerificationRuns runs;

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the sharing log", description = "For data protection officers: the entries "
            + "where their agency is sender or recipient (every entry for the partnership's DPO) that match every "
            + "criterion given. The child is named by identifiers in the body, never in the URL; the hub looks them "
            + "up as its pseudonyms. One page at a time: pass the answer's next as after. As JSON, or as CSV with "
            + "Accept: text/csv, whose header Throughgate-Next-After gives the next page's after.")
    @APIResponse(responseCode = "200", description = "A page of entries, in log order", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "Invalid criteria, every violation by JSON pointer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@Schema(implementation = SearchCriteria.class) JsonNode body) {
        return searching(body, (dpo, search) -> {
            SharingLogQueries.Page page = log.queries().search(search);
            audit.record(dpo, "search", SearchRequestReader.auditCriteria(body), search.subjectPseudonyms(), page
                    .entries().size());
            return Response.ok(SearchPage.of(page)).build();
        });
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(CSV + SECOND_CHOICE)
    @Operation(hidden = true)
    public Response searchCsv(JsonNode body) {
        return searching(body, (dpo, search) -> {
            SharingLogQueries.Page page = log.queries().search(search);
            audit.record(dpo, "search-csv", SearchRequestReader.auditCriteria(body), search.subjectPseudonyms(),
                    page.entries().size());
            Response.ResponseBuilder answer = Response.ok(SharingLogCsv.of(page.entries()), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"sharing-log.csv\"");
            page.next().ifPresent(next -> answer.header("Throughgate-Next-After", next));
            return answer.build();
        });
    }

    @POST
    @Path("/export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export entries, verifiably", description = "The entries a search finds, with a signed "
            + "checkpoint and each entry's exact text and inclusion proof, so that the export can be checked "
            + "offline with only the hub's public log key (sharing-log verify-export).")
    @APIResponse(responseCode = "200", description = "The export (format throughgate-sharing-log-export/1); next, when present, is the after of the rest")
    @APIResponse(responseCode = "400", description = "Invalid criteria", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint can be signed yet (the log is empty)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Schema(implementation = SearchCriteria.class) JsonNode body) {
        return searching(body, (dpo, search) -> {
            List<SharingLogQueries.StoredLeaf> leaves = log.queries().searchLeaves(search);
            List<SharingLogQueries.StoredLeaf> page = leaves.subList(0, Math.min(leaves.size(), search.limit()));
            Optional<SignedCheckpoint> checkpoint = log.checkpoints().covering(LogExports.sizeCovering(page), clock
                    .instant());
            if (checkpoint.isEmpty()) {
                return noCheckpoint();
            }
            audit.record(dpo, "export", SearchRequestReader.auditCriteria(body), search.subjectPseudonyms(), page
                    .size());
            ObjectNode export = LogExports.of(log, page, checkpoint.get(), clock.instant(), dpo);
            if (leaves.size() > page.size()) {
                // More entries match: the export says so, and where to go on from.
                export.put("next", page.get(page.size() - 1).index());
            }
            return Response.ok(export).build();
        });
    }

    @GET
    @Path("/entries/{index}")
    @Operation(summary = "One entry with its inclusion proof", description = "For a DPO who may see the entry: its "
            + "exact text, leaf hash and inclusion proof in the tree of a signed checkpoint.")
    @APIResponse(responseCode = "200", description = "The entry and its proof")
    @APIResponse(responseCode = "404", description = "No such entry, expired, or not yours to see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response entry(@PathParam("index") long index) {
        return DpoRequests.asDpo(caller, log, dpo -> {
            Optional<SharingLogQueries.StoredLeaf> leaf = log.queries().entry(index).filter(stored -> dpo.sees(
                    SharingLogLeaf.read(stored.leaf()).event()));
            audit.record(dpo, "entry", "{\"index\":" + index + "}", List.of(), leaf.isPresent() ? 1 : 0);
            if (leaf.isEmpty()) {
                return ProblemResponses.of(ErrorCode.ENTRY_NOT_FOUND, "There is no entry " + index + " that you may "
                        + "see; it may have expired.");
            }
            Optional<SignedCheckpoint> checkpoint = log.checkpoints().covering(index + 1, clock.instant());
            if (checkpoint.isEmpty()) {
                return noCheckpoint();
            }
            return Response.ok(LogExports.proofView(log.proofs().proof(index, checkpoint.get().checkpoint()
                    .treeSize()), checkpoint.get(), leaf.get().leaf())).build();
        });
    }

    @POST
    @Path("/verification")
    @Operation(summary = "Verify the whole log", description = "Checks every entry against its leaf hash and "
            + "search rows, the Merkle tree against every signed checkpoint, and each checkpoint's signature; names "
            + "the first entry that fails.")
    @APIResponse(responseCode = "200", description = "The verification's result (verified true or false)", content = @Content(schema = @Schema(implementation = LogVerification.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify() {
        return DpoRequests.asDpo(caller, log, dpo -> {
            LogVerification result = runs.runNow(dpo.agency());
            audit.record(dpo, "verification", "{}", List.of(), (int) Math.min(Integer.MAX_VALUE, result.entries()));
            return Response.ok(result).build();
        });
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit of DPO queries", description = "Who searched the sharing log for what and "
            + "whom, and when: a DPO's own agency's queries, every agency's for the partnership's DPO. Reading it is "
            + "itself recorded.")
    @APIResponse(responseCode = "200", description = "A page of recorded queries, oldest first; pass the last position as after", content = @Content(schema = @Schema(implementation = DpoAudit.Query.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The page is out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response auditTrail(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return DpoRequests.asDpo(caller, log, dpo -> {
            if (limit < 1 || limit > SearchRequestReader.MOST || after < 0) {
                return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The page is out of range.", List.of(
                        new Problem.Violation("/limit", "must be from 1 to " + SearchRequestReader.MOST
                                + ", with after 0 or more")));
            }
            List<DpoAudit.Query> queries = audit.readableBy(dpo, after, limit);
            audit.record(dpo, "audit", "{\"after\":" + after + ",\"limit\":" + limit + "}", List.of(), queries
                    .size());
            return Response.ok(queries).build();
        });
    }

    private interface SearchAnswer {

        Response answer(DpoScope dpo, LogSearch search) throws SQLException;
    }

    private Response searching(JsonNode body, SearchAnswer answer) {
        return DpoRequests.asDpo(caller, log, dpo -> {
            SearchRequestReader reader = new SearchRequestReader(directory, pseudonyms);
            Optional<LogSearch> search = reader.read(body, dpo);
            if (search.isEmpty()) {
                return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The search has " + reader.violations().size()
                        + " invalid criteria.", reader.violations());
            }
            return answer.answer(dpo, search.get());
        });
    }

    static Response noCheckpoint() {
        return ProblemResponses.of(ErrorCode.NO_CHECKPOINT, "The log holds no entries to sign a checkpoint over.");
    }
}

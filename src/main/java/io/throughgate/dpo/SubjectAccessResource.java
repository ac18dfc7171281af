package io.throughgate.dpo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import io.throughgate.audit.AuditReason;
import io.throughgate.audit.DpoAudit;
import io.throughgate.audit.DpoScope;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.consent.api.ConsentDecisionView;
import io.throughgate.consent.api.SubjectReader;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.dpo.report.SubjectAccessHtml;
import io.throughgate.dpo.report.SubjectAccessReport;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;
import io.throughgate.json.Json;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.LogSearch;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogLeaf;
import io.throughgate.sharinglog.SharingLogQueries.StoredLeaf;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * The subject access export: everything the sharing log holds about one child, across every agency for the
 * partnership's DPO (or the entries involving their agency for another DPO), with the child's consent decisions and
 * withdrawals. As verifiable JSON, or as a readable HTML report to send to the child or their family.
 */
@Path("/v1/sharing-log/subject-access")
@Tag(name = "sharing log")
public class SubjectAccessResource {

    static final String HTML = "text/html";

    @Inject
    Caller caller;

    @Inject
    SharingLog log;

    @Inject
    DpoAudit audit;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    ConsentRegistry consent;

    @Inject
    AgencyDirectory directory;

    @Inject
    PurposeCatalog purposes;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subject access export", description = "For a DPO answering a child's subject access "
            + "request: what was shared about the child, with whom, when, under which agreement and lawful basis, "
            + "what was withheld and why, and the child's consent decisions and withdrawals. The JSON is a "
            + "verifiable export (each entry with its inclusion proof and a signed checkpoint); Accept: text/html "
            + "gives a readable report.")
    @APIResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = HTML)})
    @APIResponse(responseCode = "400", description = "The child is not identified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint can be signed yet (the log is empty)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot be read up to date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response json(@Schema(implementation = SubjectQuery.class) JsonNode body) {
        return answer(body, "subject-access", collected -> {
            ObjectNode export = LogExports.of(log, collected.leaves(), collected.checkpoint(), clock.instant(),
                    collected.dpo());
            ObjectNode access = export.putObject("subjectAccess");
            access.put("complete", collected.dpo().wholeLog());
            access.put("requestedBy", collected.dpo().agency());
            access.set("subjectPseudonyms", Json.tree(collected.pseudonyms().stream().sorted().toList()));
            LocalDate today = LocalDate.now(clock);
            access.set("consentDecisions", Json.tree(
                    collected.decisions().stream().map(decision -> ConsentDecisionView.of(decision, today)).toList()));
            return Response.ok(export).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(HTML + SharingLogResource.SECOND_CHOICE)
    @Operation(hidden = true)
    public Response html(JsonNode body) {
        return answer(body, "subject-access-html", collected -> {
            SignedCheckpoint checkpoint = collected.checkpoint();
            SubjectAccessReport report = new SubjectAccessReport(clock.instant(), collected.dpo().agency(), collected
                    .dpo().wholeLog(), collected.pseudonyms().stream().sorted().toList(),
                    collected.leaves()
                            .stream().map(leaf -> SharingLogLeaf.read(leaf.leaf())).toList(),
                    collected.decisions(),
                    Optional.ofNullable(checkpoint)
                            .map(signed -> new SubjectAccessReport.Verification(signed.checkpoint().treeSize(),
                                    Base64.getEncoder()
                                            .encodeToString(signed.checkpoint().rootHash()),
                                    signed.checkpoint()
                                            .issuedAt(),
                                    signed.keyName())));
            return Response.ok(new SubjectAccessHtml(directory, purposes).render(report), HTML + "; charset=UTF-8")
                    .build();
        });
    }

    /** What the export is made of. */
    private record Collected(DpoScope dpo, Set<String> pseudonyms, List<StoredLeaf> leaves,
            List<ConsentDecision> decisions, SignedCheckpoint checkpoint) {
    }

    private interface Render {

        Response render(Collected collected) throws SQLException;
    }

    private Response answer(JsonNode body, String action, Render render) {
        return DpoRequests.asDpo(caller, log, dpo -> {
            List<Problem.Violation> violations = new ArrayList<>();
            SubjectReader.checkIdentified(body.path("subject"), violations);
            AuditReason.read(body, violations);
            if (body.isObject() && body.size() != (body.has("reason") ? 2 : 1)) {
                violations.add(new Problem.Violation("", "must hold only subject, and reason"));
            }
            if (!violations.isEmpty()) {
                return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The child is not identified.", violations);
            }
            Set<String> child = pseudonyms.lookup(body.get("subject"));
            List<StoredLeaf> leaves = everything(LogSearch.ofChild(dpo.visibleTo(), child, SearchRequestReader.MOST));
            List<ConsentDecision> decisions = decisions(dpo, child, leaves);
            Instant now = clock.instant();
            SignedCheckpoint checkpoint = leaves.isEmpty()
                    ? log.checkpoints().latest().orElse(null)
                    : log.checkpoints().covering(LogExports.sizeCovering(leaves), now).orElse(null);
            if (checkpoint == null && !leaves.isEmpty()) {
                return SharingLogResource.noCheckpoint();
            }
            audit.record(dpo, action, SearchRequestReader.auditCriteria(body), child, leaves.size());
            return render.render(new Collected(dpo, child, leaves, decisions, checkpoint));
        });
    }

    /** Every entry the search finds, page after page: a subject access answer is never cut short. */
    private List<StoredLeaf> everything(LogSearch search) throws SQLException {
        List<StoredLeaf> all = new ArrayList<>();
        LogSearch next = search;
        while (true) {
            List<StoredLeaf> page = log.queries().searchLeaves(next);
            boolean more = page.size() > next.limit();
            List<StoredLeaf> kept = more ? page.subList(0, next.limit()) : page;
            all.addAll(kept);
            if (!more) {
                return all;
            }
            next = next.after(kept.get(kept.size() - 1).index());
        }
    }

    /**
     * The child's consent decisions the DPO may see: all for the partnership's DPO; otherwise those their agency
     * recorded and those relied on by an entry they see.
     */
    private List<ConsentDecision> decisions(DpoScope dpo, Set<String> child, List<StoredLeaf> leaves) {
        List<ConsentDecision> about = consent.view().about(child);
        if (dpo.wholeLog()) {
            return about;
        }
        Set<UUID> relied = new java.util.HashSet<>();
        for (StoredLeaf leaf : leaves) {
            IndexedEntry entry = SharingLogLeaf.read(leaf.leaf());
            if (entry.event().consentDecisions() != null) {
                entry.event().consentDecisions().forEach(id -> relied.add(UUID.fromString(id)));
            }
        }
        return about.stream().filter(decision -> decision.recordedBy().equals(dpo.agency()) || relied.contains(
                decision.id())).toList();
    }

    /** The OpenAPI description of the body. */
    @Schema(name = "SubjectAccessQuery")
    public record SubjectQuery(
            @Schema(description = "The child, by one or more identifiers (nhsNumber, pncId, croNumber, nomisNumber, "
                    + "probationCrn, upn, localCaseId)", required = true) Object subject,
            @Schema(description = "Why the DPO asks, recorded in the audit of DPO queries", enumeration = {
                    "subject-access-request", "complaint", "incident", "audit", "agreement-review"}) String reason){
    }
}

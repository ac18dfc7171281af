package io.throughgate.console;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.dpo.CheckpointResource;
import io.throughgate.dpo.SearchPage;
import io.throughgate.dpo.SharingLogResource;
import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogLeaf;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.export.ExportVerification;
import io.throughgate.sharinglog.export.ExportVerifier;

/**
 * The sharing log: search by child, agency, agreement, record type, outcome and dates, a page at a time, with a CSV
 * download; one entry with every field's outcome and reason, the consent decisions it relied on, and its inclusion
 * proof checked here against the signed checkpoint.
 */
@Path(ConsolePaths.ROOT + "/sharing-log")
@Produces(MediaType.TEXT_HTML)
public class SharingLogPages {

    /** Entries per page. */
    static final int PAGE = 50;

    /**
     * One entry, and what checking its proof found.
     *
     * @param entry the entry
     * @param treeSize the size of the checkpoint's tree
     * @param proofChecked whether the inclusion proof and the checkpoint's signature verified
     * @param problems what failed, if anything
     */
    public record EntryView(IndexedEntry entry, long treeSize, boolean proofChecked, List<String> problems) {
    }

    @Inject
    ConsolePages pages;

    @Inject
    SharingLogResource log;

    @Inject
    CheckpointResource checkpoints;

    @GET
    public TemplateInstance form() {
        return ConsoleTemplates.sharingLog(pages.page("Sharing log", "sharing-log"), FormErrors.NONE, new ChildForm(),
                new LogSearchForm(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance search(@BeanParam ChildForm child, @BeanParam LogSearchForm search) {
        List<FormErrors.Error> problems = child.reasonProblems();
        if (!problems.isEmpty()) {
            return ConsoleTemplates.sharingLog(pages.page("Sharing log", "sharing-log"), new FormErrors(problems),
                    child, search, null);
        }
        Response answer = log.search(search.criteria(child));
        if (ApiAnswers.failed(answer) && answer.getStatus() == 400) {
            return ConsoleTemplates.sharingLog(pages.page("Sharing log", "sharing-log"), new FormErrors(LogSearchForm
                    .errors(ApiAnswers.problem(answer).violations())), child, search, null);
        }
        SearchPage page = ApiAnswers.body(answer, SearchPage.class);
        return ConsoleTemplates.sharingLog(pages.page("Sharing log: entries found", "sharing-log"), FormErrors.NONE,
                child, search, page);
    }

    @POST
    @Path("csv")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/csv")
    public Response csv(@BeanParam ChildForm child, @BeanParam LogSearchForm search) {
        if (!child.reasonProblems().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(ConsoleTemplates.sharingLog(pages.page(
                    "Sharing log", "sharing-log"), new FormErrors(child.reasonProblems()), child, search, null)).type(
                            MediaType.TEXT_HTML)
                    .build();
        }
        ObjectNode criteria = search.criteria(child);
        criteria.put("limit", 10_000);
        return log.searchCsv(criteria);
    }

    @GET
    @Path("entries/{index}")
    public TemplateInstance entry(@PathParam("index") long index) {
        JsonNode proof = ApiAnswers.body(log.entry(index), JsonNode.class);
        ObjectNode export = JsonNodeFactory.instance.objectNode();
        export.put("format", ExportVerifier.FORMAT);
        export.set("checkpoint", proof.get("checkpoint"));
        export.putArray("entries").add(proof);
        LogVerifyingKey key = LogVerifyingKey.fromPem(checkpoints.publicKey().publicKey());
        ExportVerification checked = ExportVerifier.verify(export, key);
        IndexedEntry entry = SharingLogLeaf.read(proof.get("leaf").asText());
        return ConsoleTemplates.entry(pages.page("Sharing-log entry " + index, "sharing-log"), new EntryView(entry,
                proof.get("treeSize").asLong(), checked.verified(), checked.problems()));
    }
}

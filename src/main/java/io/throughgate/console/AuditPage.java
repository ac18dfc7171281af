package io.throughgate.console;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.audit.DpoAudit;
import io.throughgate.dpo.SharingLogResource;

/** The audit of DPO queries: who searched the log and consent for whom, when and why; itself audited. */
@Path(ConsolePaths.ROOT + "/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    /** Queries per page. */
    static final int PAGE = 100;

    @Inject
    ConsolePages pages;

    @Inject
    SharingLogResource log;

    @GET
    public TemplateInstance audit(@QueryParam(ConsolePaths.AFTER) @DefaultValue("0") long after) {
        @SuppressWarnings("unchecked")
        List<DpoAudit.Query> queries = ApiAnswers.body(log.auditTrail(after, PAGE), List.class);
        Long next = queries.size() == PAGE ? queries.get(queries.size() - 1).position() : null;
        return ConsoleTemplates.audit(pages.page("Audit of DPO queries", "audit"), queries, next);
    }
}

package io.throughgate.console;

import java.net.URI;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.DpoAudit;
import io.throughgate.audit.DpoScope;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;
import io.throughgate.sharinglog.VerificationRuns;

/**
 * Verification of the whole log: started from a form, it runs in the background while its page shows how far it
 * has got (the page reloads itself every two seconds, without script), then the outcome, naming the first entry that
 * fails if any.
 */
@Path(ConsolePaths.ROOT + "/verification")
@Produces(MediaType.TEXT_HTML)
public class VerificationPages {

    @Inject
    ConsolePages pages;

    @Inject
    Caller caller;

    @Inject
    VerificationRuns runs;

    @Inject
    DpoAudit audit;

    @GET
    public TemplateInstance form() throws SQLException {
        return ConsoleTemplates.verification(pages.page("Verify the log", "verification"), runs.lastFinished()
                .orElse(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start() throws SQLException {
        DpoScope dpo = DpoScope.of(caller.identity()).orElseThrow();
        UUID run = runs.start(dpo.agency());
        audit.record(dpo, "verification", "{\"run\":\"" + run + "\"}", java.util.List.of(), 0);
        return Response.seeOther(URI.create(ConsolePaths.ROOT + "/verification/runs/" + run)).build();
    }

    @GET
    @Path("runs/{id}")
    public Response run(@PathParam("id") String id) throws SQLException {
        Optional<VerificationRuns.Run> run = uuid(id).flatMap(this::find);
        if (run.isEmpty()) {
            return ProblemResponses.of(ErrorCode.NOT_FOUND, "There is no verification run " + "with that id.");
        }
        Response.ResponseBuilder page = Response.ok(ConsoleTemplates.verificationRun(pages.page(run.get().finished()
                ? "Verification finished"
                : "Verifying the log", "verification"), run.get()));
        if (!run.get().finished()) {
            // Reloads itself until the run ends: a header, so the page needs no script.
            page.header("Refresh", "2");
        }
        return page.build();
    }

    private Optional<VerificationRuns.Run> find(UUID id) {
        try {
            return runs.find(id);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

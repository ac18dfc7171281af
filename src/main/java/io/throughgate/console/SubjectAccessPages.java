package io.throughgate.console;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.dpo.SubjectAccessResource;

/**
 * Answering a child's subject access request: the readable report and the verifiable JSON export, each downloaded
 * from a form that names the child in its body.
 */
@Path(ConsolePaths.ROOT + "/subject-access")
@Produces(MediaType.TEXT_HTML)
public class SubjectAccessPages {

    @Inject
    ConsolePages pages;

    @Inject
    SubjectAccessResource subjectAccess;

    @GET
    public TemplateInstance form() {
        return ConsoleTemplates.subjectAccess(pages.page("Subject access", "subject-access"), FormErrors.NONE);
    }

    @POST
    @Path("report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@BeanParam ChildForm child) {
        return download(child, false);
    }

    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response export(@BeanParam ChildForm child) {
        return download(child, true);
    }

    private Response download(ChildForm child, boolean json) {
        List<FormErrors.Error> problems = child.problems();
        if (problems.isEmpty()) {
            ObjectNode query = JsonNodeFactory.instance.objectNode();
            query.set("subject", child.subject());
            query.put("reason", child.reason().code());
            Response answer = json ? subjectAccess.json(query) : subjectAccess.html(query);
            if (!ApiAnswers.failed(answer)) {
                return Response.fromResponse(answer).header("Content-Disposition", "attachment; filename=\""
                        + (json ? "subject-access-export.json" : "subject-access-report.html") + "\"").build();
            }
            if (answer.getStatus() != 400) {
                return answer;
            }
            problems = ChildForm.errors(ApiAnswers.problem(answer).violations());
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(ConsoleTemplates.subjectAccess(pages.page(
                "Subject access", "subject-access"), new FormErrors(problems))).type(MediaType.TEXT_HTML).build();
    }
}

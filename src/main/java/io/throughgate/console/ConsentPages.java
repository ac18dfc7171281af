package io.throughgate.console;

import java.net.URI;
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

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.consent.api.ConsentDecisionView;
import io.throughgate.consent.api.ConsentResource;

/**
 * A child's consent decisions: found by identifiers typed into a form, each decision with its scope, who decided and
 * recorded it, its withdrawal and its FHIR view; withdrawn where the DPO may (the API decides who may).
 */
@Path(ConsolePaths.ROOT + "/consent")
@Produces(MediaType.TEXT_HTML)
public class ConsentPages {

    @Inject
    ConsolePages pages;

    @Inject
    ConsentResource consent;

    @GET
    public TemplateInstance form() {
        return ConsoleTemplates.consent(pages.page("Consent", "consent"), FormErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance find(@BeanParam ChildForm child) {
        List<FormErrors.Error> problems = child.problems();
        if (!problems.isEmpty()) {
            return ConsoleTemplates.consent(pages.page("Consent", "consent"), new FormErrors(problems), null);
        }
        ObjectNode query = JsonNodeFactory.instance.objectNode();
        query.set("subject", child.subject());
        query.put("reason", child.reason().code());
        Response answer = consent.history(query);
        if (ApiAnswers.failed(answer) && answer.getStatus() == 400) {
            return ConsoleTemplates.consent(pages.page("Consent", "consent"), new FormErrors(ChildForm.errors(
                    ApiAnswers.problem(answer).violations())), null);
        }
        @SuppressWarnings("unchecked")
        List<ConsentDecisionView> decisions = ApiAnswers.body(answer, List.class);
        return ConsoleTemplates.consent(pages.page("Consent decisions found", "consent"), FormErrors.NONE,
                decisions);
    }

    @GET
    @Path("decisions/{id}")
    public TemplateInstance decision(@PathParam("id") String id) {
        return decisionPage(id, FormErrors.NONE);
    }

    @POST
    @Path("decisions/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id, @RestForm String evidenceReference) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (evidenceReference != null) {
            body.put("evidenceReference", evidenceReference);
        }
        Response answer = consent.withdraw(id, body);
        if (ApiAnswers.failed(answer) && answer.getStatus() == 400) {
            return Response.status(400).entity(decisionPage(id, new FormErrors(List.of(new FormErrors.Error(
                    "evidenceReference", "Enter the reference of the evidence of the withdrawal, at most 200 "
                            + "characters")))))
                    .type(MediaType.TEXT_HTML).build();
        }
        ApiAnswers.body(answer, ConsentDecisionView.class);
        return Response.seeOther(URI.create(ConsolePaths.ROOT + "/consent/decisions/" + id)).build();
    }

    private TemplateInstance decisionPage(String id, FormErrors errors) {
        ConsentDecisionView decision = ApiAnswers.body(consent.read(id), ConsentDecisionView.class);
        JsonNode fhir = ApiAnswers.body(consent.readFhir(id), JsonNode.class);
        return ConsoleTemplates.decision(pages.page("Consent decision", "consent"), decision, fhir.toPrettyString(),
                errors);
    }
}

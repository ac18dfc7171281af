package io.throughgate.consent.api;

import java.net.URI;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.AuditReason;
import io.throughgate.audit.DpoAudit;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.fhir.FhirConsentMapper;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Result;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Caller;
import io.throughgate.identity.Role;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.schema.ControlCharacters;

/** The consent registry's API: record, read, search by child, withdraw, and the DPO's list. */
@Path("/v1/consents")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentService service;

    @Inject
    Caller caller;

    @Inject
    AgencyDirectory directory;

    @Inject
    PurposeCatalog purposes;

    @Inject
    DpoAudit audit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a consent decision", description = "Records a child's (or their representative's) "
            + "decision for one purpose and scope. The child is stored only as the hub's pseudonyms. Answered once "
            + "every hub replica is bound to apply it.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ConsentDecisionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, every violation by JSON pointer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The agency may not record consent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The decider may not decide, naming the rule broken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka unavailable; nothing recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Schema(implementation = ConsentRequestSchema.class) JsonNode body) {
        ConsentRequestReader reader = new ConsentRequestReader(directory, purposes);
        Optional<ConsentRequest> request = reader.read(body);
        if (request.isEmpty()) {
            return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The consent decision has "
                    + reader.violations().size() + " invalid fields.", reader.violations());
        }
        return answer(service.record(request.get(), caller.identity()), Response.Status.CREATED);
    }

    @GET
    @Operation(summary = "Consent decisions for a DPO's review", description = "For a data protection officer: "
            + "every decision their agency recorded or is named in as a recipient; for the partnership's DPO, every "
            + "decision. Recorded in the audit of DPO queries.")
    @APIResponse(responseCode = "200", description = "The decisions, oldest first")
    @APIResponse(responseCode = "403", description = "Not a DPO certificate", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list() {
        AgencyIdentity identity = caller.identity();
        if (!identity.has(Role.DPO)) {
            return ProblemResponses.of(ErrorCode.DPO_ONLY, "Only a data protection officer's certificate lists "
                    + "consent decisions.");
        }
        List<ConsentDecision> decisions = service.reviewableBy(identity);
        return audited(identity, "consent-list", "{}", List.of(), decisions.size(), () -> Response.ok(decisions.stream()
                .map(decision -> ConsentDecisionView.of(decision, service.today())).toList()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a consent decision", description = "For the agency that recorded it, the agencies "
            + "its scope names as recipients (by code or kind), their DPOs and the partnership DPO. Recorded in the "
            + "audit of DPO queries.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(schema = @Schema(implementation = ConsentDecisionView.class)))
    @APIResponse(responseCode = "404", description = "No such decision, or not yours to read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") String id) {
        return readable(id, decision -> Response.ok(ConsentDecisionView.of(decision, service.today())).build());
    }

    @GET
    @Path("/{id}")
    @Produces(FhirConsentMapper.MEDIA_TYPE)
    @Operation(summary = "Read a consent decision as HL7 FHIR R4 Consent", description = "The same decision, for "
            + "health partners, as an R4 Consent resource; the patient is the hub's pseudonym.")
    @APIResponse(responseCode = "200", description = "The Consent resource", content = @Content(mediaType = FhirConsentMapper.MEDIA_TYPE))
    public Response readFhir(@PathParam("id") String id) {
        return readable(id, decision -> Response.ok(FHIR.map(decision, purposes.find(decision.purpose())
                .orElseThrow(), service.today()), FhirConsentMapper.MEDIA_TYPE).build());
    }

    @POST
    @Path("/history")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A child's consent history", description = "The decisions about the child named by the "
            + "identifiers in the body (sent in the body so they never appear in a URL or access log) that the "
            + "caller may read: those its agency recorded or is named in as a recipient; every decision for the "
            + "partnership DPO. Identifiers are compared in their canonical form (spaces, case and Unicode width do "
            + "not matter) and under every pseudonym key. Every look-up is recorded in the audit of DPO queries.")
    @APIResponse(responseCode = "200", description = "The decisions, oldest first")
    public Response history(@Schema(implementation = HistoryQuerySchema.class) JsonNode body) {
        AgencyIdentity identity = caller.identity();
        if (!identity.agency().kind().mayRecordConsent() && !identity.has(Role.DPO)) {
            return ProblemResponses.of(ErrorCode.CONSENT_RECORDING_NOT_ALLOWED,
                    "Only agencies that record consent, and DPOs, read consent histories.");
        }
        List<Problem.Violation> violations = new java.util.ArrayList<>();
        SubjectReader.checkIdentified(body.path("subject"), violations);
        Optional<AuditReason> reason = AuditReason.read(body, violations);
        if (!violations.isEmpty()) {
            return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The child is not identified.", violations);
        }
        Set<String> child = service.lookUp(body.path("subject"));
        List<ConsentDecision> decisions = service.history(child, identity);
        String criteria = reason.map(why -> "{\"reason\":\"" + why.code() + "\"}").orElse("{}");
        return audited(identity, "consent-history", criteria, child, decisions.size(),
                () -> Response.ok(decisions.stream()
                        .map(decision -> ConsentDecisionView.of(decision, service.today())).toList()).build());
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a consent decision", description = "For the agency that recorded it, its DPO "
            + "and the partnership DPO. Answered once Kafka has acknowledged the withdrawal: every record any hub "
            + "replica receives afterwards is checked without the decision.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = ConsentDecisionView.class)))
    @APIResponse(responseCode = "403", description = "Not the agency that recorded the decision, its DPO or the partnership DPO", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such decision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") String id,
            @Schema(implementation = WithdrawalSchema.class) JsonNode body) {
        Optional<UUID> decisionId = uuid(id);
        JsonNode evidence = body.path("evidenceReference");
        if (!evidence.isTextual() || evidence.asText().isBlank() || evidence.asText().length() > 200
                || ControlCharacters.in(evidence.asText())) {
            return ProblemResponses.of(ErrorCode.INVALID_REQUEST, "The withdrawal needs its evidence reference.",
                    List.of(new Problem.Violation("/evidenceReference", "is required, as text of at most 200 "
                            + "characters and no control characters (U+0000 to U+001F)")));
        }
        if (decisionId.isEmpty()) {
            return notFound();
        }
        return answer(service.withdraw(decisionId.get(), evidence.asText().strip(), caller.identity()),
                Response.Status.OK);
    }

    private Response readable(String id, Function<ConsentDecision, Response> answer) {
        AgencyIdentity identity = caller.identity();
        Optional<ConsentDecision> decision = uuid(id).flatMap(uuid -> service.find(uuid, identity));
        return audited(identity, "consent-decision", "{}", decision.map(ConsentDecision::subjectPseudonyms)
                .orElse(List.of()), decision.isPresent() ? 1 : 0,
                () -> decision.map(answer)
                        .orElseGet(ConsentResource::notFound));
    }

    /** Answers only once the look-up is in the audit of DPO queries; 503 when it cannot be recorded. */
    private Response audited(AgencyIdentity identity, String action, String criteria, Collection<String> child,
            int results, Supplier<Response> answer) {
        try {
            audit.record(identity, action, criteria, child, results);
        } catch (SQLException e) {
            return ProblemResponses.of(ErrorCode.SHARING_LOG_UNAVAILABLE, "The hub cannot record this look-up in "
                    + "its audit, so it does not answer it. Try again shortly.");
        }
        return answer.get();
    }

    private static final FhirConsentMapper FHIR = new FhirConsentMapper();

    private Response answer(Result<ConsentDecision> result, Response.Status success) {
        return result.fold(decision -> answer(decision, success), ProblemResponses::of);
    }

    private Response answer(ConsentDecision decision, Response.Status success) {
        Response.ResponseBuilder response = Response.status(success).entity(ConsentDecisionView.of(decision,
                service.today()));
        if (success == Response.Status.CREATED) {
            response.location(URI.create("/v1/consents/" + decision.id()));
        }
        return response.build();
    }

    private static Response notFound() {
        return ProblemResponses.of(ErrorCode.CONSENT_NOT_FOUND, "There is no consent decision with this id that "
                + "you may read.");
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.throughgate.agreement.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementRegistry;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.failure.ErrorCode;
import io.throughgate.purpose.PurposeCatalog;

/**
 * The sharing agreements the hub knows, for partners and their DPOs: the central log, each agreement's content and
 * signatures, its field matrix and its ODRL form. Any authenticated agency may read them.
 */
@Path("/v1/agreements")
@Tag(name = "agreements", description = "The sharing agreements the hub knows and enforces")
public class AgreementsResource {

    private static final Pattern AGREEMENT_ID = Pattern.compile("[a-z0-9-]{1,100}");

    @Inject
    AgreementRegistry registry;

    @Inject
    AgencyDirectory directory;

    @Inject
    PurposeCatalog purposes;

    @Inject
    RecordFieldCatalog fields;

    @Inject
    Clock clock;

    /**
     * Every version of every agreement, in id then version order, whatever its status.
     *
     * @return one summary per agreement version, with its status today
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every agreement and its status today", description = "The central log of sharing agreements: "
            + "every version of every agreement the hub found, in id then version order, whatever its status, with "
            + "the reasons one is not in force and how many of its parties have signed. At most one version of an "
            + "agreement is in force on a day: a version every party has signed supersedes the earlier ones from "
            + "its validFrom day; a later version not yet signed by every party is a draft.")
    @APIResponse(responseCode = "200", description = "Every agreement version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementSummary.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AgreementSummary> list() {
        LocalDate today = LocalDate.now(clock);
        return registry.all().stream().map(state -> AgreementSummary.of(state, today)).toList();
    }

    /**
     * The current version of an agreement (the one in force today, or else the latest): what it says, its
     * signatures, status and problems.
     *
     * @param id the agreement's id
     * @return the agreement, or a 404 problem ({@code agreement-not-found}) when no agreement has the id
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One agreement: content, signatures, status and problems", description = "The version in "
            + "force today, or else the latest: what it says, item by item as the ICO Data Sharing Code asks (purposes, parties, joint controllers, lawful "
            + "basis, DPIA, retention, security, individuals' rights, review date, validity, contacts, flows), the "
            + "verdict on each party's signature, the parties that have not signed, its status today and every "
            + "problem with the file.")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementDetail.class)))
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No agreement has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response show(
            @Parameter(description = "The agreement's id", example = "london-resettlement-direct-care") @PathParam("id") String id) {
        return registry.find(id).map(state -> Response.ok(AgreementDetail.of(state, LocalDate.now(clock), directory,
                purposes)).type(MediaType.APPLICATION_JSON).build()).orElseGet(() -> notFound(id));
    }

    /**
     * One version of an agreement: what it says, its signatures, status and problems.
     *
     * @param id the agreement's id
     * @param version the version
     * @return the version, or a 404 problem ({@code agreement-not-found}) when the agreement has no such version
     */
    @GET
    @Path("{id}/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version of an agreement", description = "As GET /v1/agreements/{id}, for any version: "
            + "a superseded one, the one in force, or a draft being signed.")
    @APIResponse(responseCode = "200", description = "The agreement version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementDetail.class)))
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The agreement has no such version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response showVersion(
            @Parameter(description = "The agreement's id", example = "london-resettlement-direct-care") @PathParam("id") String id,
            @Parameter(description = "The version", example = "3") @PathParam("version") int version) {
        return registry.find(id, version).map(state -> Response.ok(AgreementDetail.of(state, LocalDate.now(clock),
                directory, purposes)).type(MediaType.APPLICATION_JSON).build()).orElseGet(() -> notFound(id));
    }

    /**
     * An agreement's field matrix.
     *
     * @param id the agreement's id
     * @return the matrix, or a 404 problem ({@code agreement-not-found}) when no agreement has the id or its file
     *         cannot be read
     */
    @GET
    @Path("{id}/matrix")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An agreement's field matrix", description = "For each flow, record type and recipient rule: "
            + "every field of the record type and what happens to it (share, pseudonymise, generalise, encrypt or "
            + "withhold), with the consent purpose and the reason. Fields the agreement does not name are withheld; "
            + "the envelope metadata always travels.")
    @APIResponse(responseCode = "200", description = "The field matrix", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatrixView.class)))
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No agreement has this id, or its file cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response matrix(
            @Parameter(description = "The agreement's id", example = "london-resettlement-direct-care") @PathParam("id") String id) {
        return withAgreement(id, agreement -> Response.ok(new FieldMatrix(fields).of(agreement))
                .type(MediaType.APPLICATION_JSON).build());
    }

    /**
     * An agreement as a W3C ODRL 2.2 policy in JSON-LD.
     *
     * @param id the agreement's id
     * @return the policy, or a 404 problem ({@code agreement-not-found}) when no agreement has the id or its file
     *         cannot be read
     */
    @GET
    @Path("{id}/odrl")
    @Produces({OdrlExport.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "An agreement as a W3C ODRL 2.2 policy", description = "The agreement as an ODRL Agreement in "
            + "JSON-LD, with legal bases and purposes in the W3C Data Privacy Vocabulary: one permission per flow, "
            + "record type, field rule and recipient, with the consent and transformation duties; one prohibition per "
            + "withheld field; anything not permitted is prohibited.")
    @APIResponse(responseCode = "200", description = "The ODRL policy", content = @Content(mediaType = OdrlExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No agreement has this id, or its file cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response odrl(
            @Parameter(description = "The agreement's id", example = "london-resettlement-direct-care") @PathParam("id") String id) {
        return withAgreement(id, agreement -> Response.ok(new OdrlExport(directory, purposes).export(agreement))
                .type(OdrlExport.MEDIA_TYPE).build());
    }

    /**
     * The field matrix of one version of an agreement, for the console's page of that version.
     *
     * @return the matrix, or a 404 problem when the agreement has no such version or its file cannot be read
     */
    public Response versionMatrix(String id, int version) {
        return withAgreement(id, registry.find(id, version), agreement -> Response.ok(new FieldMatrix(fields).of(
                agreement)).type(MediaType.APPLICATION_JSON).build());
    }

    private Response withAgreement(String id, Function<Agreement, Response> answer) {
        return withAgreement(id, registry.find(id), answer);
    }

    private Response withAgreement(String id, Optional<AgreementState> state, Function<Agreement, Response> answer) {
        if (state.isEmpty()) {
            return notFound(id);
        }
        return state.get().agreement().map(answer).orElseGet(() -> ProblemResponses.of(ErrorCode.AGREEMENT_NOT_FOUND,
                "The file of agreement '" + id + "' cannot be read; GET /v1/agreements/" + id
                        + " lists its problems."));
    }

    private static Response notFound(String id) {
        // Only an id of the agreements' form is repeated back: the path is the caller's input.
        return ProblemResponses.of(ErrorCode.AGREEMENT_NOT_FOUND, AGREEMENT_ID.matcher(id).matches()
                ? "No agreement has the id '" + id + "'."
                : "No agreement has this id.");
    }
}

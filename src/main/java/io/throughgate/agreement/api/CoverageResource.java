package io.throughgate.agreement.api;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.throughgate.agreement.AgreementRegistry;
import io.throughgate.api.Problem;
import io.throughgate.directory.AgencyDirectory;

/**
 * Where the signing of agreements with the 32 boroughs stands. Its own, literal path: JAX-RS prefers the longer
 * literal template, so {@code /v1/agreements/coverage} is never taken for an agreement id.
 */
@Path("/v1/agreements/coverage")
@Tag(name = "agreements")
public class CoverageResource {

    @Inject
    AgreementRegistry registry;

    @Inject
    AgencyDirectory directory;

    @Inject
    Clock clock;

    /**
     * The coverage of the agreements today.
     *
     * @return every borough YOT with the agreements it is party to, and a tally per agreement
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Borough YOTs' agreements and signatures", description = "For each of "
            + "the London boroughs' Youth Offending Teams, in directory order: the agreements it is party to, their "
            + "status today and whether its DPO has signed each; and per agreement, how many boroughs are party to "
            + "it and how many have signed.")
    @APIResponse(responseCode = "200", description = "The coverage", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageView.class)))
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoverageView coverage() {
        return CoverageView.of(registry.all(), directory, LocalDate.now(clock));
    }
}

package io.throughgate.identity;

import java.util.List;

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

import io.throughgate.api.Problem;
import io.throughgate.directory.Agency;

/** Tells a partner who the hub sees it as, so it can check its set-up while onboarding. */
@Path("/v1/whoami")
@Tag(name = "identity")
public class WhoAmIResource {

    /**
     * The caller as the hub sees it.
     *
     * @param agency the agency code from the certificate
     * @param displayName the agency's name in the directory
     * @param kind the agency's kind
     * @param roles the roles the certificate grants
     * @param certificateSerial the client certificate's serial number, hex
     */
    @Schema(name = "WhoAmI")
    public record WhoAmI(
            @Schema(examples = "yot-camden") String agency,
            @Schema(examples = "Camden Youth Offending Team") String displayName,
            @Schema(examples = "yot") String kind,
            @Schema(examples = "[\"agency\"]") List<String> roles,
            String certificateSerial) {
    }

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who the hub sees you as", description = "The agency named by your client certificate, as found in the directory, and the roles "
            + "the certificate grants.")
    @APIResponse(responseCode = "200", description = "Your identity")
    @APIResponse(responseCode = "401", description = "No certificate, or one the hub does not trust", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The certificate's agency is unknown or not in force", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WhoAmI whoami() {
        AgencyIdentity identity = caller.identity();
        Agency agency = identity.agency();
        List<String> roles = identity.roles().stream().sorted().map(role -> role.name().toLowerCase()).toList();
        return new WhoAmI(agency.code(), agency.displayName(), agency.kind().code(), roles,
                identity.certificateSerial());
    }
}

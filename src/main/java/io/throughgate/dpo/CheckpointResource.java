package io.throughgate.dpo;

import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.throughgate.api.Problem;
import io.throughgate.api.ProblemResponses;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * The sharing log's public face, for every agency: the latest signed checkpoint (agencies may keep them, so that a
 * rewritten log could not go unnoticed) and the hub's public log key that verifies checkpoints and exports.
 */
@Path("/v1/sharing-log")
@Tag(name = "sharing log")
public class CheckpointResource {

    static final String PEM = "application/x-pem-file";

    @Inject
    SharingLog log;

    @GET
    @Path("/checkpoints/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest signed checkpoint", description = "The tree size and root hash of the log, "
            + "signed with the hub's Ed25519 log key as a C2SP signed note; as JSON, or the note alone with Accept: "
            + "text/plain.")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointView.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN)})
    @APIResponse(responseCode = "404", description = "No checkpoint signed yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response latest() {
        return latest(signed -> Response.ok(CheckpointView.of(signed)).build());
    }

    @GET
    @Path("/checkpoints/latest")
    @Produces(MediaType.TEXT_PLAIN + SharingLogResource.SECOND_CHOICE)
    @Operation(hidden = true)
    public Response latestNote() {
        return latest(signed -> Response.ok(signed.note(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build());
    }

    @GET
    @Path("/proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A consistency proof between two tree sizes", description = "The RFC 9162 section 2.1.4 "
            + "proof that the log's tree of `from` entries is a prefix of its tree of `to` entries: a witness that "
            + "kept an earlier checkpoint checks a later one with it (`sharing-log witness`). Hashes are base64.")
    @APIResponse(responseCode = "200", description = "The proof", content = @Content(schema = @Schema(implementation = ConsistencyView.class)))
    @APIResponse(responseCode = "400", description = "from or to missing, not a number, from above to, or to beyond "
            + "the latest signed checkpoint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        try {
            long first = treeSize("from", from);
            long second = treeSize("to", to);
            if (first > second) {
                return ProblemResponses.of(new Failure(ErrorCode.INVALID_REQUEST, "from (" + first + ") must not be "
                        + "above to (" + second + ").", "from"));
            }
            long latest = log.checkpoints().latest().map(signed -> signed.checkpoint().treeSize()).orElse(0L);
            if (second > latest) {
                return ProblemResponses.of(new Failure(ErrorCode.INVALID_REQUEST, "to (" + second + ") is beyond the "
                        + "latest signed checkpoint, of tree size " + latest + ".", "to"));
            }
            return Response.ok(new ConsistencyView(first, second, log.proofs().consistency(first, second).stream()
                    .map(hash -> Base64.getEncoder().encodeToString(hash)).toList())).build();
        } catch (InvalidSize e) {
            return ProblemResponses.of(e.failure);
        } catch (SQLException e) {
            return DpoRequests.unavailable();
        }
    }

    private static long treeSize(String name, String value) throws InvalidSize {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidSize(new Failure(ErrorCode.INVALID_REQUEST, name + " must be a tree size: a whole "
                    + "number from 1.", name));
        }
        return Long.parseLong(value);
    }

    /** A query parameter that is not a tree size. */
    private static final class InvalidSize extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        InvalidSize(Failure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }

    /**
     * A consistency proof.
     *
     * @param from the earlier tree size
     * @param to the later tree size
     * @param proof the proof's hashes, base64, in the RFC's order (empty when the sizes are equal)
     */
    public record ConsistencyView(long from, long to, List<String> proof) {
    }

    @GET
    @Path("/public-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The hub's public log key", description = "The Ed25519 key that signs checkpoints: as "
            + "JSON (the key, its certificate, and its signed-note verifier key), or as PEM with Accept: "
            + PEM + ".")
    @APIResponse(responseCode = "200", description = "The key", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicKeyView.class)),
            @Content(mediaType = PEM)})
    public PublicKeyView publicKey() {
        return PublicKeyView.of(log.checkpoints().key(), log.origin());
    }

    @GET
    @Path("/public-key")
    @Produces(PEM + SharingLogResource.SECOND_CHOICE)
    @Operation(hidden = true)
    public Response publicKeyPem() {
        return Response.ok(log.checkpoints().key().verifyingKey().publicKeyPem(), PEM).build();
    }

    private interface CheckpointAnswer {

        Response answer(SignedCheckpoint signed);
    }

    private Response latest(CheckpointAnswer answer) {
        try {
            Optional<SignedCheckpoint> latest = log.checkpoints().latest();
            return latest.map(answer::answer).orElseGet(SharingLogResource::noCheckpoint);
        } catch (SQLException e) {
            return DpoRequests.unavailable();
        }
    }

    /**
     * The hub's public log key.
     *
     * @param keyName the key's name in signed notes (the log's origin)
     * @param publicKey the Ed25519 public key, SubjectPublicKeyInfo PEM
     * @param certificate the key's certificate, PEM
     * @param noteVerifierKey the C2SP signed-note verifier key ({@code name+hash+key})
     */
    public record PublicKeyView(String keyName, String publicKey, String certificate, String noteVerifierKey) {

        static PublicKeyView of(io.throughgate.sharinglog.checkpoint.LogSigningKey key, String keyName) {
            LogVerifyingKey verifying = key.verifyingKey();
            return new PublicKeyView(keyName, verifying.publicKeyPem(), io.throughgate.pki.Pem.toPem(List.of(
                    key.certificate())), verifying.noteVerifierKey(keyName));
        }
    }
}

package io.throughgate.deliver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Publishes the certificate subscribers verify the hub's delivery signatures with. */
@jakarta.ws.rs.Path("/v1/hub/signing-certificate")
@Tag(name = "records")
public class HubSigningCertificateResource {

    /** The media type of a PEM certificate chain (RFC 8555 section 9.1). */
    public static final String PEM_CHAIN = "application/pem-certificate-chain";

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryDispatcher dispatcher;

    @GET
    @Produces(PEM_CHAIN)
    @Operation(summary = "The hub's delivery signing certificate", description = "PEM, leaf first. Every delivered "
            + "message carries tg_signature (base64 DER ECDSA, SHA-256, over the root of its batch's Merkle tree, "
            + "whose leaf for the message binds the value to its recipient, topic, agreement and id; the message's "
            + "place in the batch is in tg_batch_size, tg_batch_leaf_index and tg_batch_audit_path: "
            + "docs/subscribing.md) and tg_signature_key_id, which is the first 16 hex characters of the SHA-256 of "
            + "this certificate's DER encoding; the same key id is in the Throughgate-Signature-Key-Id header of "
            + "this answer.")
    @APIResponse(responseCode = "200", description = "The certificate chain", content = @Content(mediaType = PEM_CHAIN))
    public Response certificate() throws IOException {
        return Response.ok(Files.readString(Path.of(config.signingCertificate())), PEM_CHAIN)
                .header("Throughgate-Signature-Key-Id", dispatcher.signer().keyId()).build();
    }
}

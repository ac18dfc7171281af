package io.throughgate.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's OpenAPI description: title, purpose, version and how callers authenticate. */
@OpenAPIDefinition(info = @Info(title = "Throughgate", version = "1", description = """
        Secure inter-agency data exchange hub for children's resettlement. Secure establishments, \
        the 32 London borough Youth Offending Teams and health partners exchange standardised \
        transfer records; every field crosses only where a signed, machine-readable sharing \
        agreement (and, where it asks, the child's consent) allows it.

        Every call is authenticated by the caller's client certificate (mutual TLS): the certificate \
        names the agency as the subject alternative name URI `urn:throughgate:agency:<code>`. \
        Errors are `application/problem+json` (RFC 9457) with a stable `code`.""", contact = @Contact(name = "Throughgate operators")), tags = @Tag(name = "identity", description = "Who the hub sees you as"), security = @SecurityRequirement(name = "agencyCertificate"))
@SecurityScheme(securitySchemeName = "agencyCertificate", type = SecuritySchemeType.MUTUALTLS, description = "A client certificate issued to the agency by a CA the hub trusts.")
public final class ApiDefinition extends Application {
}

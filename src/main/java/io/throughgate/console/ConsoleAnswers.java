package io.throughgate.console;

import java.lang.annotation.Annotation;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.throughgate.api.Problem;

/**
 * What every console answer carries: a strict Content-Security-Policy (the console's own scripts and styles only,
 * no inline code, no framing, forms only to the console), {@code Cache-Control: no-store} (pages can be about a
 * child), no referrer to other sites, and the browser's CSRF cookie when it had none. A problem (a refusal or a failed call to the
 * API beneath) is shown as a page with the same status.
 */
public class ConsoleAnswers {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    @Inject
    CsrfToken csrf;

    @Inject
    ConsolePages pages;

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ConsolePaths.isConsole(request.getUriInfo())) {
            return;
        }
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(ConsoleTemplates.problem(pages.bare(problem.title()), problem).render(),
                    new Annotation[0],
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" with the console's own forms.
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        csrf.issued().ifPresent(token -> headers.add("Set-Cookie", CsrfToken.COOKIE + "=" + token
                + "; Path=/; Secure; HttpOnly; SameSite=Strict"));
    }
}

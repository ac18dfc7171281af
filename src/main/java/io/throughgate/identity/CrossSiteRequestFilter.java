package io.throughgate.identity;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.throughgate.api.ProblemResponses;
import io.throughgate.failure.ErrorCode;

/**
 * Refuses what a browser sends on behalf of another site. A DPO who imports their certificate into a browser (for the
 * console) makes it an ambient credential: the browser presents it with every request to the hub, including those
 * another site's page makes (a form posted to {@code /v1/sharing-log/verification}, an image whose address opens a
 * consent decision and writes to the audit). Browsers say where a request comes from: {@code Sec-Fetch-Site}, and
 * {@code Origin} on posts. A request naming another site or origin is refused on every path, before authentication
 * is used; the one exception is following a link from elsewhere to the console's overview, which changes and records
 * nothing. Case systems' clients send neither header and are not affected.
 */
public class CrossSiteRequestFilter {

    /** The page a link from another site may open: the console's overview. */
    static final String LANDING_PAGE = "/console";

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherSites(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (site != null && !site.equals("same-origin") && !site.equals("none") && !(read && "navigate".equals(request
                .getHeaderString("Sec-Fetch-Mode")) && LANDING_PAGE.equals(request.getUriInfo().getPath()))) {
            return refused();
        }
        String origin = request.getHeaderString("Origin");
        URI hub = request.getUriInfo().getBaseUri();
        if (!read && origin != null && !origin.equals(hub.getScheme() + "://" + hub.getRawAuthority())) {
            return refused();
        }
        return null;
    }

    private static Response refused() {
        return ProblemResponses.of(ErrorCode.CROSS_SITE_REQUEST, "Your browser says another site made this request. "
                + "The hub answers only requests made from its own pages or by your own client; nothing was done.");
    }
}

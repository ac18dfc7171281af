package io.throughgate.console;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.throughgate.api.ProblemResponses;
import io.throughgate.audit.DpoScope;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.Caller;

/**
 * What every console request passes before its page is built, after the client certificate has been checked: only
 * a DPO's certificate; no value in the address but a page position (a child's identifiers travel only in form
 * bodies); and every form posted with the browser's CSRF token. (Requests another site makes are refused on every
 * path before this, by {@code identity.CrossSiteRequestFilter}.) A refusal is a problem, which
 * {@link ConsoleAnswers} shows as a page.
 */
public class ConsoleGuard {

    @Inject
    Caller caller;

    @Inject
    CsrfToken csrf;

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response admit(ResteasyReactiveContainerRequestContext request) {
        if (!ConsolePaths.isConsole(request.getUriInfo())) {
            return null;
        }
        if (!onlyAPagePosition(request.getUriInfo().getQueryParameters())) {
            return ProblemResponses.of(ErrorCode.VALUES_IN_ADDRESS, "The console takes nothing in a web address but "
                    + "a page position. A child's identifiers go only in the console's forms, so that they never "
                    + "appear in a browser's history or a server's log.");
        }
        if (DpoScope.of(caller.identity()).isEmpty()) {
            return ProblemResponses.of(ErrorCode.DPO_ONLY, "The console is for data protection officers. Your "
                    + "certificate is " + caller.identity().agency().displayName() + "'s, and is not a DPO's.");
        }
        Cookie cookie = request.getCookies().get(CsrfToken.COOKIE);
        csrf.presented(cookie == null ? null : cookie.getValue());
        return null;
    }

    @WithFormRead
    @ServerRequestFilter(priority = Priorities.USER + 200)
    public Response checkForm(ResteasyReactiveContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())
                || !ConsolePaths.isConsole(request.getUriInfo())) {
            return null;
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(
                CsrfToken.FIELD, true, false);
        return csrf.matches(field instanceof String token ? token : null) ? null : notFromConsole();
    }

    private static boolean onlyAPagePosition(Map<String, List<String>> query) {
        return query.entrySet().stream().allMatch(parameter -> parameter.getKey().equals(ConsolePaths.AFTER)
                && parameter.getValue().size() == 1 && parameter.getValue().get(0).matches("[0-9]{1,18}"));
    }

    private static Response notFromConsole() {
        return ProblemResponses.of(ErrorCode.FORM_NOT_FROM_CONSOLE, "This form did not come from the console, or "
                + "came from a console page opened in another browser session. Nothing was done. Go back, reload "
                + "the page and send the form again.");
    }
}

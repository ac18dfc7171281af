package io.throughgate.api;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.throughgate.failure.ErrorCode;

/**
 * Turns exceptions that reach the HTTP edge into problem answers. Expected failures never get here (they are
 * values); what does is either a protocol error from the framework or a bug, logged by class and message only.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(ErrorCode.NOT_FOUND, "There is nothing at this path.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return ProblemResponses.of(ErrorCode.METHOD_NOT_ALLOWED, "This path does not accept that method.");
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This path does not accept that content type.");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return ProblemResponses.of(ErrorCode.NOT_ACCEPTABLE, "This path cannot answer in the media type asked for.");
    }

    @ServerExceptionMapper
    public Response otherWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return ProblemResponses.of(ErrorCode.BAD_REQUEST, "The request could not be read.");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // The message of an unexpected exception may quote input, so only the class goes to the log.
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" caused by ").append(cause.getClass().getName());
        }
        LOG.errorf("unexpected %s while answering a request", chain);
        return ProblemResponses.of(ErrorCode.INTERNAL_ERROR,
                "The hub could not complete the request; nothing was delivered. Try again later.");
    }
}

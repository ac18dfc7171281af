package io.throughgate.identity;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.throughgate.api.ProblemResponses;
import io.throughgate.failure.Result;
import io.vertx.core.http.HttpServerRequest;

/** Authenticates every API request by its client certificate before any resource method runs. */
public class AgencyAuthenticationFilter {

    @Inject
    ClientCertificateAuthenticator authenticator;

    @Inject
    Caller caller;

    @ServerRequestFilter
    public Response authenticate(HttpServerRequest request) {
        Result<AgencyIdentity> identity = authenticator.authenticate(peerCertificates(request.sslSession()));
        return identity.fold(agency -> {
            caller.authenticatedAs(agency);
            // No answer: the request goes on to its resource.
            return null;
        }, ProblemResponses::of);
    }

    private static List<X509Certificate> peerCertificates(SSLSession session) {
        if (session == null) {
            return List.of();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return Arrays.stream(chain).filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                    .toList();
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }
}

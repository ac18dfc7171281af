package io.throughgate.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.throughgate.pki.TrustedAuthorities;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.TrustOptions;

/**
 * Configures the HTTPS server to ask every client for its certificate and to pass any chain on to the
 * application, where {@link ClientCertificateAuthenticator} decides. Health, metrics and the OpenAPI description
 * answer without a certificate; every {@code /v1} call needs one.
 */
@ApplicationScoped
public class HttpsClientAuthentication implements HttpServerOptionsCustomizer {

    @Inject
    TrustedAuthorities authorities;

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setClientAuth(ClientAuth.REQUEST);
        options.setTrustOptions(TrustOptions.wrap(new ClientChainTrustManager(authorities)));
    }
}

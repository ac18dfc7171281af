package io.throughgate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.throughgate.pki.Pkcs12;
import io.throughgate.testing.TestClients;

/**
 * HTTPS with mutual TLS to a hub running in another process, as one agency's case system or DPO, with the
 * development certificates. Plain JDK client: the load needs its own timeouts and must tell "no answer" apart
 * from an answer.
 */
final class HubClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http;
    private final URI base;

    private HubClient(Path p12, int port) {
        this.base = URI.create("https://localhost:" + port);
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(Pkcs12.read(TestClients.CERTS.resolve("ca").resolve("truststore.p12"), TestClients.PASSWORD));
            KeyManagerFactory keys = null;
            if (p12 != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(Pkcs12.read(p12, TestClients.PASSWORD), TestClients.PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            this.http = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As an agency's case system. */
    static HubClient agency(String code, int port) {
        return new HubClient(TestClients.CERTS.resolve("agencies").resolve(code).resolve(code + ".p12"), port);
    }

    /** As an agency's data protection officer. */
    static HubClient dpo(String code, int port) {
        return new HubClient(TestClients.CERTS.resolve("dpo").resolve(code).resolve(code + "-dpo.p12"), port);
    }

    /** Without a client certificate (operations endpoints). */
    static HubClient anonymous(int port) {
        return new HubClient(null, port);
    }

    /** POSTs JSON; throws IOException when no answer came (refused, reset, timed out). */
    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers
                        .ofString());
    }

    /** POSTs newline-delimited JSON (a batch of records); throws IOException when no answer came. */
    HttpResponse<String> postNdjson(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Content-Type",
                "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs; throws IOException when no answer came. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether a GET answers 200 now. */
    boolean answers200(String path) {
        try {
            return get(path).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.throughgate.benchmark;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;

/**
 * An HTTPS client of the hub as one agency's system: mutual TLS with the agency's development certificate,
 * HTTP/1.1 keep-alive connections, up to a given number at once (Vert.x, non-blocking, so hundreds of concurrent
 * requests cost few threads).
 */
final class HubClient implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;

    /**
     * @param certsDir the development certificates ({@code certs-dev})
     * @param agency the agency whose certificate is presented
     * @param port the hub's HTTPS port
     * @param connections the most connections open at once
     */
    HubClient(Path certsDir, String agency, int port, int connections) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpClientOptions options = new HttpClientOptions().setSsl(true).setVerifyHost(true)
                .setDefaultHost("localhost").setDefaultPort(port).setKeepAlive(true)
                .setKeyCertOptions(new PfxOptions().setPath(certsDir.resolve("agencies").resolve(agency).resolve(
                        agency + ".p12").toString()).setPassword("throughgate-dev"))
                .setTrustOptions(new PemTrustOptions().addCertPath(certsDir.resolve("ca").resolve("ca.crt")
                        .toString()));
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections)
                .setMaxWaitQueueSize(-1));
    }

    /** A GET; completes with the status and body, or exceptionally when the connection fails. */
    CompletionStage<Answer> get(String path) {
        return exchange(HttpMethod.GET, path, null, null, "application/json");
    }

    /** A POST of a JSON body; completes with the status and body, or exceptionally when the connection fails. */
    CompletionStage<Answer> post(String path, String contentType, String body) {
        return exchange(HttpMethod.POST, path, contentType, body, "application/json");
    }

    /** A POST whose answer comes in the given media type. */
    CompletionStage<Answer> post(String path, String contentType, String body, String accept) {
        return exchange(HttpMethod.POST, path, contentType, body, accept);
    }

    private CompletionStage<Answer> exchange(HttpMethod method, String path, String contentType, String body,
            String accept) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        client.request(method, path).compose(request -> {
            request.putHeader("Accept", accept);
            if (body == null) {
                return request.send();
            }
            request.putHeader("Content-Type", contentType);
            return request.send(Buffer.buffer(body));
        }).compose(response -> response.body().map(bytes -> new Answer(response.statusCode(), bytes.toString())))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        answer.complete(result.result());
                    } else {
                        answer.completeExceptionally(result.cause());
                    }
                });
        return answer;
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }

    /** An HTTP answer. */
    record Answer(int status, String body) {
    }
}

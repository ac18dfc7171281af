package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.json.Json;
import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;
import io.throughgate.sharinglog.CheckpointWitness;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;

/**
 * {@code sharing-log witness}: fetches the hub's latest checkpoint over mutual TLS, checks it against the last one
 * this witness saw ({@link CheckpointWitness}) and keeps it when it is consistent. Exit status 0 consistent, 1 split
 * or not signed by the log key (the alarm), 2 usage error, 3 the hub or the state file could not be read (try again).
 */
final class WitnessCommand {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private WitnessCommand() {
    }

    static int run(CommandOptions options, PrintStream out, PrintStream err) {
        Path state = Path.of(options.value("--state").orElse("witness-checkpoint.txt"));
        String hub = options.value("--hub").orElse("https://localhost:8443");
        LogVerifyingKey key;
        HttpClient client;
        try {
            key = LogVerifyingKey.fromPem(Files.readString(Path.of(options.value("--public-key").orElse(
                    "certs-dev/hub/sharing-log.crt")), StandardCharsets.ISO_8859_1));
            client = client(Path.of(options.value("--client-certificate").orElse(
                    "certs-dev/dpo/partnership-london-resettlement/partnership-london-resettlement-dpo.p12")),
                    options.value("--password").orElse("throughgate-dev").toCharArray(), Path.of(options.value(
                            "--ca").orElse("certs-dev/ca/ca.crt")));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            err.println("sharing-log witness: " + e.getMessage());
            return 2;
        }
        CheckpointWitness witness = new CheckpointWitness(key, options.value("--origin").orElse(
                "throughgate/sharing-log"));
        CheckpointWitness.Outcome outcome;
        try {
            Optional<String> seen = Files.exists(state)
                    ? Optional.of(Files.readString(state, StandardCharsets.UTF_8))
                    : Optional.empty();
            outcome = witness.check(new HttpsHub(client, hub), seen);
            if (outcome.consistent() && outcome.seen().isPresent()) {
                Path written = Files.writeString(state.resolveSibling(state.getFileName() + ".new"), outcome.seen()
                        .get(), StandardCharsets.UTF_8);
                Files.move(written, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("sharing-log witness: could not check: " + e.getMessage());
            return 3;
        }
        (outcome.consistent() ? out : err).println("sharing-log witness: " + outcome.message());
        return outcome.consistent() ? 0 : 1;
    }

    private static HttpClient client(Path p12, char[] password, Path ca) throws IOException,
            GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(Pkcs12.read(p12, password), password);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (var certificate : Pem.readCertificates(ca)) {
            trusted.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(TIMEOUT).build();
    }

    /** The hub's checkpoint API over HTTPS. */
    private record HttpsHub(HttpClient client, String base) implements CheckpointWitness.Hub {

        @Override
        public String latestNote() throws IOException {
            return get("/v1/sharing-log/checkpoints/latest", "text/plain");
        }

        @Override
        public List<byte[]> consistency(long from, long to) throws IOException {
            JsonNode answer = JSON.readTree(get("/v1/sharing-log/proofs/consistency?from=" + from + "&to=" + to,
                    "application/json"));
            List<byte[]> proof = new ArrayList<>();
            for (JsonNode hash : answer.path("proof")) {
                proof.add(Base64.getDecoder().decode(hash.asText()));
            }
            return proof;
        }

        private String get(String path, String accept) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).timeout(
                    TIMEOUT).GET().build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new IOException(path + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}

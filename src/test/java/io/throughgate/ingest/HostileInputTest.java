package io.throughgate.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The hostile-input corpus of {@code src/test/resources/hostile/}: each bad request is answered with its 4xx and a
 * problem that names the code (and the field, where there is one) and echoes nothing of the request; a slow client
 * holds up nobody else; afterwards the hub still accepts a valid record and is ready.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)(?::([\\w-]+))?}}");
    private static final Map<String, String> NAMED_IDS = new HashMap<>();
    private static final int STALLED_CLIENTS = 220;

    static Stream<JsonNode> cases() throws IOException {
        JsonNode index = new ObjectMapper(new YAMLFactory()).readTree(CORPUS.resolve("cases.yaml").toFile());
        List<JsonNode> cases = new ArrayList<>();
        index.forEach(cases::add);
        return cases.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachHostileRequestWithItsProblem(JsonNode hostile) throws IOException {
        String marker = "HostileMarker" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = fill(Files.readAllBytes(CORPUS.resolve(hostile.path("file").asText())), marker);
        boolean batch = hostile.path("endpoint").asText("record").equals("batch");
        Response response = client(hostile.path("as").asText("yoi-feltham"))
                .contentType(hostile.path("contentType").asText(batch ? RecordsResource.NDJSON : "application/json"))
                .body(body)
                .when().post(batch ? "/v1/records/batch" : "/v1/records");
        String answer = response.asString();
        String file = hostile.path("file").asText();
        assertEquals(hostile.path("status").asInt(), response.statusCode(), file + ": " + answer);
        assertFalse(answer.contains(marker), file + ": the answer echoes the request: " + answer);
        if (hostile.has("code")) {
            assertEquals("application/problem+json", response.contentType().split(";")[0], file);
            expectProblem(file, JSON.readTree(answer), hostile);
        }
        if (hostile.has("lines")) {
            List<String> lines = answer.lines().toList();
            assertEquals(hostile.path("lines").size(), lines.size(), file + ": " + answer);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode result = JSON.readTree(lines.get(i));
                JsonNode expected = hostile.path("lines").get(i);
                String where = file + " result " + (i + 1) + ": " + lines.get(i);
                assertEquals(expected.path("status").asInt(), result.path("status").asInt(), where);
                if (expected.has("code")) {
                    expectProblem(where, result.path("problem"), expected);
                }
            }
        }
    }

    @Order(2)
    @Test
    void aSlowClientHoldsUpNoOtherRequest() throws Exception {
        byte[] record = fill(Files.readAllBytes(CORPUS.resolve("valid-release.json")), "SlowClient");
        List<SSLSocket> stalled = new ArrayList<>();
        try (SSLSocket slow = TestClients.socket("yoi-feltham")) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/records HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + record.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // More clients than the worker pool has threads (200) send their headers and a byte of body, then
            // nothing. The body is read on the I/O thread before any worker is taken, so they hold no thread; Vert.x
            // keeps each connection until quarkus.http.idle-timeout.
            for (int i = 0; i < STALLED_CLIENTS; i++) {
                SSLSocket socket = TestClients.socket("yoi-feltham");
                socket.getOutputStream().write(("POST /v1/records HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            int sent = 0;
            for (int round = 0; round < 3; round++) {
                int next = Math.min(record.length - 1, sent + record.length / 4);
                out.write(record, sent, next - sent);
                out.flush();
                sent = next;
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> pushValidRecord("during a slow client"));
            }
            out.write(record, sent, record.length - sent);
            out.flush();
            slow.setSoTimeout(20_000);
            String status = statusLine(slow.getInputStream());
            assertTrue(status.startsWith("HTTP/1.1 202"), "the slow client's complete record is taken: " + status);
        } finally {
            for (SSLSocket socket : stalled) {
                socket.close();
            }
        }
    }

    @Order(3)
    @Test
    void theHubStillAcceptsAValidRecordAndIsReady() {
        pushValidRecord("after the corpus");
        TestClients.anonymous().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void pushValidRecord(String marker) {
        try {
            byte[] record = fill(Files.readAllBytes(CORPUS.resolve("valid-release.json")), marker.replace(' ', '-'));
            TestClients.as("yoi-feltham").contentType("application/json").body(record).when().post("/v1/records")
                    .then().statusCode(202);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectProblem(String where, JsonNode problem, JsonNode expected) {
        assertEquals(expected.path("code").asText(), problem.path("code").asText(), where);
        assertEquals(expected.path("status").asInt(), problem.path("status").asInt(), where);
        assertEquals("urn:throughgate:problem:" + expected.path("code").asText(), problem.path("type").asText(),
                where);
        assertFalse(problem.path("detail").asText().isBlank(), where);
        if (expected.has("pointer")) {
            List<String> pointers = new ArrayList<>();
            problem.path("violations").forEach(violation -> pointers.add(violation.path("pointer").asText()));
            assertTrue(pointers.contains(expected.path("pointer").asText()), where + ": pointers " + pointers);
        }
    }

    private static RequestSpecification client(String agency) {
        return agency.equals("none") ? TestClients.anonymous() : TestClients.as(agency);
    }

    /** Fills the corpus placeholders; the bytes around them are kept as they are, valid UTF-8 or not. */
    static byte[] fill(byte[] file, String marker) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String argument = matcher.group(2);
            String value = switch (matcher.group(1)) {
                case "recordId" -> argument == null
                        ? UUID.randomUUID().toString()
                        : NAMED_IDS.computeIfAbsent(argument, name -> UUID.randomUUID().toString());
                case "nhsNumber" -> TestIdentifiers.nhsNumber();
                case "marker" -> marker;
                case "pad" -> "x".repeat(Integer.parseInt(argument));
                case "lines" -> "{}\n".repeat(Integer.parseInt(argument));
                default -> throw new IllegalArgumentException("unknown placeholder " + matcher.group());
            };
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}

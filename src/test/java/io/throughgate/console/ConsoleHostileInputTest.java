package io.throughgate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * The console's cases of the hostile-input corpus ({@code src/test/resources/hostile/console.yaml}): each request is
 * refused with its status and problem code, as an uncached page that repeats nothing of the request.
 */
@QuarkusTest
class ConsoleHostileInputTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile/console.yaml");
    private static final Pattern CODE = Pattern.compile("id=\"problem-code\">([a-z-]+)<");

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readTree(CORPUS.toFile()).forEach(cases::add);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesEachHostileConsoleRequest(JsonNode hostile) {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String marker = "ConsoleMarker" + UUID.randomUUID().toString().replace("-", "");
        RequestSpecification request = client(hostile.path("as").asText()).redirects().follow(false);
        hostile.path("headers").fields().forEachRemaining(header -> request.header(header.getKey(), fill(header
                .getValue().asText(), nhsNumber, marker)));
        String csrf = hostile.path("csrf").asText("");
        if (!csrf.isEmpty()) {
            ConsoleSecurityTest.Browser browser = ConsoleSecurityTest.open("/console/verification");
            if (!csrf.equals("field-only")) {
                request.cookie(CsrfToken.COOKIE, browser.cookie());
            }
            String field = switch (csrf) {
                case "forged" -> browser.token().substring(1) + (browser.token().charAt(0) == 'A' ? "B" : "A");
                case "missing" -> null;
                default -> browser.token();
            };
            if (field != null && !hostile.has("json")) {
                request.formParam(CsrfToken.FIELD, field);
            }
        }
        hostile.path("form").fields().forEachRemaining(field -> request.formParam(field.getKey(), fill(field
                .getValue().asText(), nhsNumber, marker)));
        if (hostile.has("json")) {
            request.contentType("application/json").body(fill(hostile.path("json").asText(), nhsNumber, marker));
        } else if (hostile.path("method").asText().equals("POST")) {
            request.contentType("application/x-www-form-urlencoded");
        }
        String path = fill(hostile.path("path").asText(), nhsNumber, marker);
        Response answer = request.when().request(hostile.path("method").asText(), path);

        String name = hostile.path("name").asText();
        String page = answer.asString();
        assertEquals(hostile.path("status").asInt(), answer.statusCode(), name + ": " + page);
        assertTrue(answer.contentType().startsWith("text/html"), name + ": a page, not " + answer.contentType());
        Matcher code = CODE.matcher(page);
        assertTrue(code.find(), name + ": the page names its problem code");
        assertEquals(hostile.path("code").asText(), code.group(1), name);
        assertEquals("no-store", answer.header("Cache-Control"), name);
        assertFalse(page.contains(nhsNumber), name + ": the page repeats the child's identifier");
        assertFalse(page.contains(marker), name + ": the page repeats the request");
    }

    private static String fill(String text, String nhsNumber, String marker) {
        return text.replace("{{nhsNumber}}", nhsNumber).replace("{{marker}}", marker);
    }

    private static RequestSpecification client(String as) {
        if (as.equals("none")) {
            return TestClients.anonymous();
        }
        return as.startsWith("dpo:") ? TestClients.asDpo(as.substring(4)) : TestClients.as(as);
    }
}

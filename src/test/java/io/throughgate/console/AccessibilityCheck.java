package io.throughgate.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs axe-core in the page the browser shows, against WCAG 2.0, 2.1 and 2.2 levels A and AA, and answers the
 * violations whose impact is serious or critical.
 */
final class AccessibilityCheck {

    private static final String AXE = axe();
    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
            + " 'wcag22aa']}}).then(result => done(JSON.stringify(result.violations)),"
            + " error => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(error)}])));";

    private AccessibilityCheck() {
    }

    /** The serious and critical violations of the current page, each as "rule: help (selectors)". */
    static List<String> seriousViolations(WebDriver driver) throws IOException {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript(AXE);
        String json = (String) script.executeAsyncScript(RUN);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : new ObjectMapper().readTree(json)) {
            if (SERIOUS.contains(violation.path("impact").asText())) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                serious.add(violation.path("id").asText() + ": " + violation.path("help").asText() + " " + targets);
            }
        }
        return serious;
    }

    private static String axe() {
        try (InputStream script = AccessibilityCheck.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

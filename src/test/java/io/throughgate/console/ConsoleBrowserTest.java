package io.throughgate.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.deliver.TestRecords;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.export.ExportVerifier;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/**
 * A DPO's day in the console, in Debian's Chromium with the DPO's certificate imported into the browser: find a
 * child pushed earlier, open an entry and its checked proof, verify the log, download the subject access export and
 * check it verifies, withdraw a consent decision, read the audit. Every page is checked with axe-core for serious
 * accessibility violations, and a screenshot of each is written to {@code target/console-screenshots/}.
 * Needs {@code .ci/install-browser}; runs with {@code mvn -Pbrowser-tests test}.
 */
@QuarkusTest
@Tag("browser")
class ConsoleBrowserTest {

    private static final String PARTNERSHIP = "partnership-london-resettlement";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    SharingLog log;

    private WebDriver browser;
    private Path downloads;
    private final List<String> inaccessible = new ArrayList<>();

    @BeforeEach
    void openTheBrowser() throws Exception {
        Path home = BrowserCertificates.homeWithDpoCertificate(PARTNERSHIP);
        downloads = Files.createDirectories(home.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + home.resolve("profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(
                "/usr/bin/chromedriver")).withEnvironment(Map.of("HOME", home.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            // The last page, to see where a failure happened.
            Files.write(SCREENSHOTS.resolve("last.png"), ((TakesScreenshot) browser).getScreenshotAs(
                    OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void aDpoDoesEveryTaskOfTheConsoleInABrowser() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = TestConsents.permitHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0900");
        String recordId = UUID.randomUUID().toString();
        TestClients.push("yoi-feltham", TestRecords.release(recordId, "console" + recordId.substring(0, 8),
                "yoi-feltham", "yot-camden", nhsNumber)).statusCode(202);
        log.awaitIndexed(PATIENCE);

        go("/console");
        assertEquals("Overview", heading());
        assertTrue(text(".tg-signed-in").contains("London Resettlement Partnership"), text(".tg-signed-in"));
        checked("overview");

        go("/console/agreements");
        assertEquals(32, browser.findElements(By.cssSelector("#coverage tbody tr")).size(),
                "the coverage grid has a row for each of the 32 borough YOTs");
        checked("agreements");
        browser.findElement(By.linkText("London resettlement direct care")).click();
        assertEquals(32, browser.findElements(By.cssSelector("#borough-signatures tbody tr")).size(),
                "a row for each of the 32 borough YOTs");
        checked("agreement");

        go("/console/agreements/replay");
        Path draft = Files.createTempFile("direct-care-v4", ".yaml");
        String ycsRules = "      /subject/nomisNumber: share\n      /subject/dateOfBirth: generalise:year-month\n";
        Files.writeString(draft, Files.readString(Path.of(
                "contracts/agreements/london-resettlement-direct-care/v3/agreement.yaml")).replace("version: 3",
                        "version: 4")
                .replace(ycsRules, ycsRules + "      /subject/lookedAfter: share\n"));
        browser.findElement(By.id("draftFile")).sendKeys(draft.toAbsolutePath().toString());
        String today = java.time.LocalDate.now(io.throughgate.config.ClockProducer.LONDON).toString();
        type("from", today);
        type("to", today);
        press("replay");
        assertTrue(text("#rule-changes").contains("/subject/lookedAfter: newly released"), text("#rule-changes"));
        assertTrue(text("#replay-changes").contains("/subject/lookedAfter"), text("#replay-changes"));
        checked("replay");

        go("/console/sharing-log");
        press("search");
        assertTrue(text(".govuk-error-summary").contains("Select why you are looking"), "the error summary");
        checked("sharing-log-error");
        type("nhsNumber", nhsNumber);
        new Select(browser.findElement(By.id("reason"))).selectByValue("subject-access-request");
        press("search");
        int found = TestClients.asDpo(PARTNERSHIP).contentType("application/json").body("{\"subject\": "
                + "{\"nhsNumber\": \"" + nhsNumber + "\"}}").when().post("/v1/sharing-log/search").then()
                .statusCode(200).extract().jsonPath().getList("entries").size();
        assertEquals(found + (found == 1 ? " entry" : " entries"), heading("#results"),
                "the console finds what the API finds");
        assertTrue(text("#entries").contains("release-notification") && text("#entries").contains("yot-camden"));
        assertFalse(browser.getCurrentUrl().contains(nhsNumber));
        checked("sharing-log");
        browser.findElement(By.cssSelector("#entries tbody a")).click();
        assertTrue(text("#proof-outcome").contains("in the log as the hub signed it"), text("#proof-outcome"));
        assertTrue(text("#fields").contains("/subject/nhsNumber"), "every field's outcome is listed");
        assertFalse(browser.getPageSource().contains(nhsNumber), "no value of the record is shown");
        checked("sharing-log-entry");

        go("/console/verification");
        checked("verification");
        press("verify");
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("outcome")).isEmpty());
        assertEquals("The log verifies", text("#outcome"));
        checked("verification-result");

        go("/console/subject-access");
        type("nhsNumber", nhsNumber);
        new Select(browser.findElement(By.id("reason"))).selectByValue("subject-access-request");
        checked("subject-access");
        browser.findElement(By.id("download-export")).click();
        Path export = downloads.resolve("subject-access-export.json");
        await().atMost(PATIENCE).until(() -> Files.exists(export));
        JsonNode exported = new ObjectMapper().readTree(export.toFile());
        assertTrue(ExportVerifier.verify(exported, publicKey()).verified(), "the downloaded export verifies");
        assertEquals(recordId, exported.at("/entries/0/entry/event/recordId").asText());

        go("/console/consent");
        // By keyboard alone: the skip link first, then the form's fields and its button.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to main content", browser.switchTo().activeElement().getText());
        tabTo("nhsNumber").sendKeys(nhsNumber);
        tabTo("reason").sendKeys("A complaint");
        WebElement page = browser.findElement(By.tagName("html"));
        tabTo("find-consent").sendKeys(Keys.ENTER);
        await().atMost(PATIENCE).until(() -> isGone(page));
        checked("consent");
        browser.findElement(By.cssSelector("a[href='/console/consent/decisions/" + decision + "']")).click();
        assertTrue(text("#decision-status").contains("active"));
        press("withdraw");
        assertTrue(text(".govuk-error-summary").contains("Enter the reference"), "the evidence is required");
        checked("consent-decision-error");
        type("evidenceReference", "CAMDEN-YOT/WITHDRAWAL/2026/0042");
        press("withdraw");
        assertTrue(text("#decision-status").contains("withdrawn"), text("#decision-status"));
        checked("consent-decision");

        go("/console/audit");
        assertTrue(text("#queries").contains("subject-access-request"), "the search and its reason are audited");
        checked("audit");

        go("/console/timeliness");
        assertTrue(browser.findElement(By.id("timeliness-chart")).isDisplayed(), "the chart");
        assertEquals(33, browser.findElements(By.cssSelector("table[id^='month-'] tbody tr")).size() / 12,
                "32 boroughs and London in each of 12 months");
        checked("timeliness");
        type("from", "2026-2");
        press("show-months");
        assertTrue(text(".govuk-error-summary").contains("Enter the first month"), "a month that is not one");
        checked("timeliness-error");

        go("/console/evaluation");
        assertTrue(text("h1").contains("Evaluation"), "the evaluation page");
        checked("evaluation");

        go("/console");
        assertTrue(text("#last-verification").startsWith("Verified"), "the overview shows the verification just run");

        assertEquals(List.of(), inaccessible, "serious accessibility violations");
    }

    /** Presses a form's button and waits for the page it leads to. */
    private void press(String button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(button)).click();
        await().atMost(PATIENCE).until(() -> isGone(page));
    }

    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return true;
        }
    }

    /** Presses Tab until the element with this id has the focus, as a keyboard user would; fails after 60. */
    private WebElement tabTo(String id) {
        for (int presses = 0; presses < 60; presses++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getDomProperty("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reaches " + id);
    }

    private void go(String path) {
        browser.get(TestClients.baseUri() + path);
    }

    private String heading() {
        return text("h1");
    }

    private String heading(String selector) {
        return text(selector);
    }

    private String text(String selector) {
        return browser.findElement(By.cssSelector(selector)).getText().strip();
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    /** Checks the page with axe-core and keeps a screenshot of the whole of it. */
    private void checked(String name) throws IOException {
        AccessibilityCheck.seriousViolations(browser).forEach(violation -> inaccessible.add(name + ": "
                + violation));
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(6000, Math.max(800, height))));
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(
                OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static LogVerifyingKey publicKey() {
        return LogVerifyingKey.fromPem(TestClients.as("yot-camden").accept("application/x-pem-file").when().get(
                "/v1/sharing-log/public-key").then().statusCode(200).extract().asString());
    }
}

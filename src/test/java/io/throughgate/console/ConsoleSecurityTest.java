package io.throughgate.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.throughgate.audit.DpoAudit;
import io.throughgate.audit.DpoScope;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The console's protections that hold for every page: no cache, a strict Content-Security-Policy, a host-only strict
 * CSRF cookie that the page's forms repeat; the page for a certificate that is not a DPO's; and a console search
 * audited like the API's, with its reason and no identifier. Refusals of hostile requests are the corpus's
 * ({@link ConsoleHostileInputTest}).
 */
@QuarkusTest
class ConsoleSecurityTest {

    static final String PARTNERSHIP = "partnership-london-resettlement";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");
    private static final List<String> PAGES = List.of("/console", "/console/agreements",
            "/console/agreements/london-resettlement-direct-care", "/console/consent", "/console/sharing-log",
            "/console/timeliness", "/console/evaluation", "/console/verification", "/console/subject-access",
            "/console/audit");

    @Inject
    DpoAudit audit;

    /** A DPO's browser: its certificate, and the cookie and token a console page gave it. */
    record Browser(String dpo, String cookie, String token) {

        RequestSpecification post() {
            return TestClients.asDpo(dpo).cookie(CsrfToken.COOKIE, cookie).contentType(
                    "application/x-www-form-urlencoded").redirects().follow(false);
        }
    }

    static Browser open(String page) {
        return open(PARTNERSHIP, page);
    }

    static Browser open(String dpo, String page) {
        Response answer = TestClients.asDpo(dpo).when().get(page);
        answer.then().statusCode(200);
        Matcher token = TOKEN.matcher(answer.asString());
        assertTrue(token.find(), "the page has a form with a token");
        assertEquals(token.group(1), answer.cookie(CsrfToken.COOKIE), "the form repeats the cookie");
        return new Browser(dpo, answer.cookie(CsrfToken.COOKIE), token.group(1));
    }

    @Test
    void everyPageIsUncachedUnderAStrictPolicyAndSetsAHostOnlyStrictCookie() {
        for (String page : PAGES) {
            Response answer = TestClients.asDpo(PARTNERSHIP).when().get(page);
            answer.then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", equalTo(
                    "no-store")).header("Content-Security-Policy", containsString("default-src 'none'")).header(
                            "Content-Security-Policy", not(containsString("unsafe")))
                    .header(
                            "Content-Security-Policy", containsString("frame-ancestors 'none'"));
            assertFalse(answer.asString().contains("<script>"), page + " has no inline script");
            assertFalse(answer.asString().contains("style=\""), page + " has no inline style");
        }
        String cookie = TestClients.asDpo(PARTNERSHIP).when().get("/console/consent").header("Set-Cookie");
        assertTrue(cookie.startsWith(CsrfToken.COOKIE + "="), cookie);
        assertTrue(cookie.contains("Path=/") && cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie
                .contains("SameSite=Strict"), cookie);
    }

    @Test
    void aFormPostedWithTheBrowsersTokenIsServed() {
        Browser browser = open("/console/sharing-log");
        browser.post().formParam("csrf", browser.token()).formParam("reason", "audit").when().post(
                "/console/sharing-log").then().statusCode(200).body(containsString("id=\"results\""));
    }

    @Test
    void aCertificateThatIsNotADposGetsAPageSayingWhoMayUseTheConsole() {
        for (String page : PAGES) {
            TestClients.as("yoi-feltham").when().get(page).then().statusCode(403).contentType(containsString(
                    "text/html")).body(containsString("Who may use the console"));
        }
    }

    @Test
    void aConsoleSearchIsAuditedLikeAnApiSearchWithItsReasonAndNoIdentifier() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        Browser browser = open("/console/sharing-log");
        long before = last();
        browser.post().formParam("csrf", browser.token()).formParam("nhsNumber", nhsNumber).formParam("reason",
                "subject-access-request").when().post("/console/sharing-log").then().statusCode(200);
        List<DpoAudit.Query> recorded = audit.readableBy(new DpoScope(PARTNERSHIP, true, "test"), before, 10);
        DpoAudit.Query search = recorded.stream().filter(query -> query.action().equals("search")).findFirst()
                .orElseThrow();
        assertEquals(PARTNERSHIP, search.agency());
        assertTrue(search.criteria().contains("\"reason\":\"subject-access-request\""), search.criteria());
        assertFalse(search.criteria().contains(nhsNumber), "the audit holds pseudonyms, not identifiers");
        assertFalse(search.subjectPseudonyms().isEmpty(), "the child is recorded by pseudonyms");
    }

    @Test
    void aBoroughDpoSeesOnlyWhatTheirBoroughSentOrReceived() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String recordId = java.util.UUID.randomUUID().toString();
        TestClients.push("yoi-feltham", io.throughgate.deliver.TestRecords.release(recordId, "scope" + recordId
                .substring(0, 8), "yoi-feltham", "yot-camden", nhsNumber)).statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> searchPage("yot-camden",
                nhsNumber).contains("yot-camden</td>"));
        String camden = searchPage("yot-camden", nhsNumber);
        assertTrue(camden.contains("id=\"results\">1 entry<"), "Camden received one copy of the release "
                + "notification");
        assertFalse(camden.contains("ycs-placements</td>"), "not the copy the Youth Custody Service received");
        assertTrue(searchPage("yot-enfield", nhsNumber).contains("id=\"results\">0 entries"), "Enfield neither sent "
                + "nor received anything about the child");
    }

    private static String searchPage(String dpo, String nhsNumber) {
        Browser browser = open(dpo, "/console/sharing-log");
        return browser.post().formParam("csrf", browser.token()).formParam("nhsNumber", nhsNumber).formParam(
                "reason", "audit").when().post("/console/sharing-log").then().statusCode(200).extract().asString();
    }

    @Test
    void aFormWithoutAReasonIsAnsweredWithAnErrorSummaryLinkingToTheField() {
        Browser browser = open("/console/consent");
        browser.post().formParam("csrf", browser.token()).formParam("nhsNumber", "123").when().post(
                "/console/consent").then().statusCode(200).body(containsString("govuk-error-summary")).body(
                        containsString("href=\"#reason\""))
                .body(containsString("Select why you are looking"));
    }

    @Test
    void theTimelinessPageShowsTwelveMonthsAndAChartAndRefusesAMonthThatIsNotOne() {
        String page = TestClients.asDpo(PARTNERSHIP).when().get("/console/timeliness").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"timeliness-chart\""), "the chart");
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).toString();
        assertTrue(page.contains("id=\"month-" + thisMonth + "\""), "this month's table");
        assertEquals(12, Pattern.compile("<table class=\"govuk-table\" id=\"month-").matcher(page).results().count());
        Browser browser = open("/console/timeliness");
        browser.post().formParam("csrf", browser.token()).formParam("from", "2026-2").when().post(
                "/console/timeliness").then().statusCode(400).body(containsString("govuk-error-summary")).body(
                        containsString("href=\"#from\""));
        browser.post().formParam("csrf", browser.token()).formParam("from", "2026-01").formParam("to", "2026-03")
                .when().post("/console/timeliness").then().statusCode(200).body(containsString(
                        "id=\"month-2026-02\""));
    }

    private long last() throws Exception {
        List<DpoAudit.Query> all = audit.readableBy(new DpoScope(PARTNERSHIP, true, "test"), 0, 100_000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).position();
    }
}

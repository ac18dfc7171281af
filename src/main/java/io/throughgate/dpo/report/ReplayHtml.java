package io.throughgate.dpo.report;

import java.time.Instant;
import java.util.Objects;

import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.replay.ReplayReport;

/**
 * Renders a {@link ReplayReport} as a page fit for a DPIA annex: what a draft agreement would have changed over a
 * period of the sharing log, flow by flow and recipient by recipient, with counts protected as the report's rule
 * says, and the draft's changes rule by rule. Self-contained like the subject access report: inline style, no
 * script, a Content-Security-Policy that loads nothing, every text escaped. It holds no child's data: fields by name,
 * agencies by name, counts rounded or suppressed.
 */
public final class ReplayHtml {

    private final Names names;

    public ReplayHtml(AgencyDirectory directory, PurposeCatalog purposes) {
        this.names = new Names(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(purposes,
                "purposes"));
    }

    /**
     * The report as an HTML document.
     *
     * @param report the replay
     * @param madeAt when it was made
     * @param madeBy the asking DPO's agency code
     */
    public String render(ReplayReport report, Instant madeAt, String madeBy) {
        String title = "Replay of " + report.agreementId() + " version " + report.draftVersion();
        Markup html = new Markup().trusted("<!DOCTYPE html>\n");
        html.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en-GB");
        html.open("head");
        html.empty("meta", "charset", "UTF-8");
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", ReportStyle.CONTENT_SECURITY_POLICY);
        html.empty("meta", "name", "referrer", "content", "no-referrer");
        html.element("title", title);
        html.open("style").trusted(ReportStyle.CSS).close();
        html.close();
        html.open("body").open("main");
        html.element("p", "Throughgate: agreement replay", "class", "brand");
        html.element("h1", title);
        html.element("p", "What the draft would have changed, had it been in force from " + Wording.day(report.from())
                + " to " + Wording.day(report.to()) + ", compared with " + (report.inForceVersion() == null
                        ? "no version in force (a new agreement)"
                        : "version " + report.inForceVersion() + ", in force")
                + ". Each record of the period in "
                + "the sharing log was routed and gated again under the draft, with the consent decisions in force "
                + "when the hub received it. Records read: " + report.records().text() + ".");
        html.element("p", "Counts from 1 to " + report.protection().suppressTo() + " are shown as [c]; the others are "
                + "rounded to the nearest " + report.protection().roundTo() + ". A delivery is one record to one "
                + "recipient.");
        changes(html, report);
        if (!report.unresolved().isEmpty()) {
            html.element("h2", "Recipients the log cannot say");
            html.element("p", "These recipients are named by a field of the record that no delivery of the period "
                    + "was routed by, so the sharing log does not hold its value. The replay leaves them out.");
            html.open("ul");
            report.unresolved().forEach(unresolved -> html.element("li", unresolved.rule() + ": " + unresolved
                    .records().text() + " records"));
            html.close();
        }
        list(html, "The draft's changes, rule by rule", report.ruleChanges(), "The draft changes no rule.");
        list(html, "Refused: special-category or criminal offence data widened without its condition", report
                .refusals(), "None.");
        html.close();
        html.open("footer").element("p", "Made on " + Wording.dayAndTime(madeAt) + " (UK time) for " + names.agency(
                madeBy) + ".").close();
        html.close().close();
        return html.finish();
    }

    private void changes(Markup html, ReplayReport report) {
        html.element("h2", "What would have changed");
        if (report.changes().isEmpty()) {
            html.element("p", "Nothing: every delivery of the period would have gone as it did.");
            return;
        }
        html.open("table");
        html.open("thead").open("tr");
        for (String heading : new String[]{"Flow", "Recipient", "Change", "Field", "Before", "After", "Deliveries",
                "Children"}) {
            html.element("th", heading, "scope", "col");
        }
        html.close().close();
        html.open("tbody");
        for (ReplayReport.Row row : report.changes()) {
            html.open("tr");
            html.element("td", row.flow());
            html.element("td", names.agency(row.recipient()));
            html.element("td", row.description());
            html.element("td", row.field() == null ? "" : row.field());
            html.element("td", row.before() == null ? "" : row.before());
            html.element("td", row.after() == null ? "" : row.after());
            html.element("td", row.deliveries().text());
            html.element("td", row.children().text());
            html.close();
        }
        html.close().close();
    }

    private static void list(Markup html, String heading, java.util.List<String> lines, String none) {
        html.element("h2", heading);
        if (lines.isEmpty()) {
            html.element("p", none);
            return;
        }
        html.open("ul");
        lines.forEach(line -> html.element("li", line));
        html.close();
    }
}

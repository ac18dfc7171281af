package io.throughgate.dpo.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.throughgate.consent.ConsentDecision;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.PurposeCatalog;

/**
 * Renders a {@link SubjectAccessReport} as a printable page to send to a child or the child's family: what was
 * shared about the child, with whom, when, why and on what lawful basis, field by field; what was kept back and why;
 * the child's consent decisions and withdrawals; and how the report can be checked against the sharing log.
 *
 * <p>
 * The page is one self-contained file: its style sheet is inline, it has no script and loads nothing, and its
 * Content-Security-Policy forbids anything else. It is well-formed XML as well as HTML, and every text taken from
 * the report is escaped. It names fields and what happened to them, never their values (the report holds none).
 * Agencies appear by their directory display names and purposes by their catalogue titles; codes either does not
 * know appear as they are. Immutable and safe to share between threads.
 */
public final class SubjectAccessHtml {

    private static final String PARTNERSHIP_DPO = "the partnership's data protection officer";

    private final Names names;

    /**
     * @param directory the agencies, for display names
     * @param purposes the purposes, for titles
     */
    public SubjectAccessHtml(AgencyDirectory directory, PurposeCatalog purposes) {
        this.names = new Names(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(purposes,
                "purposes"));
    }

    /**
     * The report as an HTML document, encoded as UTF-8 when written.
     *
     * @param report the report
     * @return the document, starting with {@code <!DOCTYPE html>}
     */
    public String render(SubjectAccessReport report) {
        Objects.requireNonNull(report, "report");
        Map<String, ConsentDecision> decisions = new LinkedHashMap<>();
        report.consentDecisions().forEach(decision -> decisions.putIfAbsent(decision.id().toString(), decision));
        String requester = names.agency(report.requestedBy());
        Markup html = new Markup().trusted("<!DOCTYPE html>\n");
        html.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en-GB");
        head(html);
        html.open("body");
        header(html, report, requester);
        html.open("main");
        summary(html, report);
        new SharedEntriesSection(names, decisions).write(html, report.entries(), report.complete()
                ? "Throughgate has no record of passing on information about you."
                : "Throughgate has no record of " + requester + " sending or receiving information about you. "
                        + "This does not cover other agencies.");
        new ConsentDecisionsSection(names).write(html, report.consentDecisions(), report.generatedAt());
        verification(html, report);
        about(html, report);
        html.close();
        html.open("footer").element("p", "Throughgate subject access report, made on " + Wording.dayAndTime(report
                .generatedAt()) + " (UK time) for " + requester + ".").close();
        html.close().close();
        return html.finish();
    }

    private static void head(Markup html) {
        html.open("head");
        html.empty("meta", "charset", "UTF-8");
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", ReportStyle.CONTENT_SECURITY_POLICY);
        html.empty("meta", "name", "referrer", "content", "no-referrer");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", "Information shared about you: subject access report");
        html.open("style").trusted(ReportStyle.CSS).close();
        html.close();
    }

    private static void header(Markup html, SubjectAccessReport report, String requester) {
        html.open("header");
        html.element("p", "Throughgate: subject access report", "class", "brand");
        html.element("h1", "Information shared about you");
        html.element("p", "Throughgate is the system that agencies working with children in and after custody use "
                + "to pass information to each other. Each time it passes on a record, it writes down what it "
                + "sent, to whom, when and why. This report shows what it wrote down about you. In this report, "
                + "\u201cyou\u201d means the child or young person the request is about. Times are UK times.");
        html.open("dl");
        html.element("dt", "Made on").element("dd", Wording.dayAndTime(report.generatedAt()));
        html.element("dt", "Made by").element("dd", "The data protection officer of " + requester);
        html.close();
        if (report.complete()) {
            html.open("div", "class", "notice complete", "role", "note");
            html.element("p", "This report is complete. It covers every agency that shares information through "
                    + "Throughgate.");
        } else {
            html.open("div", "class", "notice incomplete", "role", "note");
            html.element("p", "This report is not complete.", "class", "outcome");
            html.element("p", "It only shows records that " + requester + " sent or received. Other agencies "
                    + "may also have shared information about you through Throughgate. To see all of it, ask "
                    + PARTNERSHIP_DPO + ".");
        }
        html.close().close();
    }

    private static void summary(Markup html, SubjectAccessReport report) {
        long sent = report.entries().stream().filter(entry -> "delivered".equals(entry.event().outcome())).count();
        long receivers = report.entries().stream().filter(entry -> "delivered".equals(entry.event().outcome()))
                .map(entry -> entry.event().recipient()).distinct().count();
        long keptBack = report.entries().size() - sent;
        html.open("section", "id", "summary").element("h2", "In short").open("ul");
        html.element("li", sent == 0
                ? "No record about you was sent."
                : "Records about you were sent " + Wording.count(sent, "time", "times") + ", to " + Wording.count(
                        receivers, "agency", "agencies") + ".");
        if (keptBack > 0) {
            html.element("li", Wording.count(keptBack, "record was", "records were")
                    + " kept back, because none of the information was allowed to go.");
        }
        html.element("li", Wording.count(report.consentDecisions().size(), "consent decision is",
                "consent decisions are") + " recorded about you.");
        html.close().close();
    }

    private static void verification(Markup html, SubjectAccessReport report) {
        html.open("section", "id", "verification").element("h2", "How this report can be checked");
        html.element("p", "Throughgate keeps its sharing log so that nobody can change or remove an entry later "
                + "without it showing. At regular times it signs a short summary of the whole log, called a "
                + "checkpoint.");
        report.verification().ifPresentOrElse(checkpoint -> {
            html.element("p", "This report was made from the log as of this checkpoint:");
            html.open("dl");
            html.element("dt", "Entries in the log").element("dd", Long.toString(checkpoint.treeSize()));
            html.element("dt", "Root hash").open("dd").element("code", checkpoint.rootHash(), "class", "hash")
                    .close();
            html.element("dt", "Checkpoint signed").open("dd").element("time", Wording.dayAndTime(checkpoint
                    .issuedAt()), "datetime", checkpoint.issuedAt().toString()).close();
            html.element("dt", "Signing key").open("dd").element("code", checkpoint.keyName()).close();
            html.close();
            html.open("p").text("The JSON export of this report carries, for each entry, a proof that the entry is "
                    + "in the log at this checkpoint. Anyone can check these proofs offline, without access to "
                    + "Throughgate, with the command ").element("code", "sharing-log verify-export").text(".")
                    .close();
            html.element("p", "What the proofs show: each entry in this report is in the log of "
                    + Wording.count(checkpoint.treeSize(), "entry", "entries") + " exactly as the checkpoint signed "
                    + "it. What they do not show: that nothing is missing. The entries were found through "
                    + "Throughgate's own index of the log, and the proofs cannot show that the index found every "
                    + "entry about you. Whether this checkpoint agrees with the checkpoints Throughgate published "
                    + "before is checked separately, by witnesses that keep them.");
        }, () -> html.element("p", "This report was made without a checkpoint, so it cannot yet be checked "
                + "against the log. Ask the data protection officer for a copy with a checkpoint and its JSON "
                + "export."));
        html.close();
    }

    private static void about(Markup html, SubjectAccessReport report) {
        html.open("section", "id", "about").element("h2", "About this report");
        html.element("p", "Throughgate's sharing log does not hold your name or your numbers. It knows you only by "
                + "codes made from them. The entries in this report were found by these codes:");
        html.open("ul");
        if (report.subjectPseudonyms().isEmpty()) {
            html.element("li", "None were given.");
        }
        report.subjectPseudonyms().forEach(pseudonym -> html.open("li").element("code", pseudonym).close());
        html.close();
        html.element("p", "If anything here looks wrong, or you want to know more, contact the data protection "
                + "officer who sent you this report.");
        html.close();
    }
}

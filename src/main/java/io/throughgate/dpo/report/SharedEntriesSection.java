package io.throughgate.dpo.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.throughgate.consent.ConsentDecision;
import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogEvent;

/** The report's account of each sharing-log entry: who, when, why, under which agreement, and field by field. */
final class SharedEntriesSection {

    /** Oldest first by when the hub received the record, then by position in the log. */
    static final Comparator<IndexedEntry> ORDER = Comparator.comparing((IndexedEntry entry) -> entry.event()
            .receivedAt(), Comparator.nullsLast(Comparator.<Instant>naturalOrder())).thenComparingLong(
                    IndexedEntry::index);

    private static final String DELIVERED = "delivered";
    private static final String WITHHOLD = "withhold";

    private final Names names;
    private final Map<String, ConsentDecision> decisions;

    /** @param decisions the report's consent decisions by id, for links from the entries */
    SharedEntriesSection(Names names, Map<String, ConsentDecision> decisions) {
        this.names = names;
        this.decisions = decisions;
    }

    void write(Markup html, List<IndexedEntry> entries, String emptyScope) {
        html.open("section", "id", "shared").element("h2", "What was shared, and with whom");
        if (entries.isEmpty()) {
            html.element("p", "No records about this child were shared.", "class", "empty");
            html.element("p", emptyScope);
        } else {
            html.element("p", "Each box below is one time Throughgate passed on a record about you, oldest first. It "
                    + "shows the names of the pieces of information, not what they said. In the names, "
                    + "\u201csubject\u201d means the details that identify you and \u201cbody\u201d means the rest "
                    + "of the record.");
            List<IndexedEntry> ordered = entries.stream().sorted(ORDER).toList();
            for (int i = 0; i < ordered.size(); i++) {
                entry(html, i + 1, ordered.get(i));
            }
        }
        html.close();
    }

    private void entry(Markup html, int number, IndexedEntry entry) {
        SharingLogEvent event = entry.event();
        boolean delivered = DELIVERED.equals(event.outcome());
        html.open("article", "class", "entry");
        html.element("h3", number + ". " + (event.receivedAt() == null
                ? "Date not recorded"
                : Wording.dayAndTime(event.receivedAt())) + ": " + names.agency(event.sender()) + " to "
                + names.agency(event.recipient()));
        html.element("p", delivered
                ? "Sent."
                : "Not sent: none of the information was allowed to go to this receiver, so Throughgate kept it back.",
                "class", delivered ? "outcome delivered" : "outcome withheld");
        html.open("dl");
        html.element("dt", "What").element("dd", "A " + Wording.recordType(event.recordType()) + " record");
        agencyTerm(html, "From", event.sender());
        agencyTerm(html, "To", event.recipient());
        html.element("dt", "When").open("dd");
        moment(html, "Throughgate received it on ", event.receivedAt());
        if (event.occurredAt() != null) {
            html.text(" It is about something that happened on " + Wording.occurredAt(event.occurredAt())
                    + " (as the sender says).");
        }
        html.close();
        html.element("dt", "Why").element("dd", names.purpose(event.purpose()));
        html.element("dt", "Agreement").element("dd", Objects.toString(event.agreementId(), "not recorded")
                + ", version " + event.agreementVersion());
        html.element("dt", "What allows it");
        lawfulBasis(html, event.lawfulBasis());
        html.element("dt", "Consent relied on").open("dd");
        consentList(html, event.consentDecisions());
        html.close();
        if (event.recipientPseudonym() != null) {
            html.element("dt", "Code the receiver knows you by").open("dd").element("code", event
                    .recipientPseudonym()).close();
        }
        html.element("dt", "Log entry").element("dd", "Number " + entry.index() + " in the sharing log (record "
                + Objects.toString(event.recordId(), "id not recorded") + ")");
        html.close();
        List<SharingLogEvent.Field> fields = event.fields() == null
                ? List.of()
                : event.fields().stream().filter(Objects::nonNull).toList();
        fieldTable(html, "Information shared", "How it was shared", fields.stream().filter(field -> !WITHHOLD.equals(
                field.outcome())).toList(), false);
        fieldTable(html, "Information not shared", "Why not", fields.stream().filter(field -> WITHHOLD.equals(field
                .outcome())).toList(), true);
        html.close();
    }

    private void agencyTerm(Markup html, String term, String code) {
        html.element("dt", term).open("dd").text(names.agency(code));
        if (code != null && !names.agency(code).equals(code)) {
            html.text(" ").element("span", "(" + code + ")", "class", "muted");
        }
        html.close();
    }

    private static void moment(Markup html, String before, Instant instant) {
        if (instant == null) {
            html.text(before + "a day not recorded.");
        } else {
            html.text(before).element("time", Wording.dayAndTime(instant), "datetime", instant.toString()).text(".");
        }
    }

    private static void lawfulBasis(Markup html, SharingLogEvent.LawfulBasis basis) {
        html.open("dd");
        if (basis == null) {
            html.text("Not recorded.").close();
            return;
        }
        html.open("ul");
        if (basis.article6() != null) {
            html.element("li", Wording.article6(basis.article6()));
        }
        nonNull(basis.article9()).forEach(code -> html.element("li", Wording.article9(code)));
        nonNull(basis.schedule1()).forEach(code -> html.element("li", Wording.schedule1(code)));
        nonNull(basis.statutoryGateways()).forEach(law -> html.element("li", "The law that allows it: " + law));
        html.close().close();
    }

    private void consentList(Markup html, List<String> ids) {
        List<String> relied = nonNull(ids);
        if (relied.isEmpty()) {
            html.text("None.");
            return;
        }
        html.open("ul");
        relied.forEach(id -> {
            html.open("li");
            consentReference(html, id, "");
            html.close();
        });
        html.close();
    }

    private void fieldTable(Markup html, String heading, String detailHeading, List<SharingLogEvent.Field> fields,
            boolean withheld) {
        html.element("h4", heading);
        if (fields.isEmpty()) {
            html.element("p", "None.");
            return;
        }
        html.open("table").open("thead").open("tr").element("th", "Information", "scope", "col").element("th",
                detailHeading, "scope", "col").close().close().open("tbody");
        for (SharingLogEvent.Field field : fields) {
            html.open("tr").open("td").text(Wording.fieldLabel(field.field()));
            if (field.field() != null) {
                html.element("span", field.field(), "class", "pointer");
            }
            html.close().open("td").text(withheld
                    ? Wording.withheldReason(field.reason(), names::purpose)
                    : Wording.fieldOutcome(field.outcome()));
            if (field.consentDecision() != null) {
                html.text(" ");
                consentReference(html, field.consentDecision(), withheld ? "Consent decision: " : "Relied on: ");
            }
            html.close().close();
        }
        html.close().close();
    }

    /** A consent decision by id: a link to it when the report holds it, otherwise its id. */
    private void consentReference(Markup html, String id, String before) {
        ConsentDecision decision = decisions.get(id);
        html.text(before);
        if (decision == null) {
            html.element("code", id);
        } else {
            html.element("a", ConsentDecisionsSection.title(decision, names), "href", "#" + ConsentDecisionsSection
                    .anchor(decision));
        }
    }

    private static <T> List<T> nonNull(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}

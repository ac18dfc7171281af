package io.throughgate.dpo.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.Provision;
import io.throughgate.directory.AgencyKind;

/** The report's account of the child's consent decisions and their withdrawals. */
final class ConsentDecisionsSection {

    private static final Comparator<ConsentDecision> ORDER = Comparator.comparing(ConsentDecision::recordedAt)
            .thenComparing(decision -> decision.id().toString());

    private final Names names;

    ConsentDecisionsSection(Names names) {
        this.names = names;
    }

    /** The id of a decision's part of the report, for links. */
    static String anchor(ConsentDecision decision) {
        return "consent-" + decision.id();
    }

    /** A short title of a decision, e.g. "Consent given: (purpose title), recorded 1 November 2026". */
    static String title(ConsentDecision decision, Names names) {
        String given = decision.provision() == Provision.PERMIT ? "Consent given: " : "Consent refused: ";
        LocalDate recorded = decision.recordedAt().atZone(Wording.UK).toLocalDate();
        return given + names.purpose(decision.purpose()) + ", recorded " + Wording.day(recorded);
    }

    void write(Markup html, List<ConsentDecision> decisions, Instant generatedAt) {
        html.open("section", "id", "consent").element("h2", "Your consent decisions");
        if (decisions.isEmpty()) {
            html.element("p", "No consent decisions about you are recorded.");
        } else {
            html.element("p", "For some purposes, information about you is only shared if you (or someone allowed "
                    + "to decide for you) agree. These are the decisions recorded, oldest first, and any that were "
                    + "later withdrawn.");
            LocalDate today = generatedAt.atZone(Wording.UK).toLocalDate();
            decisions.stream().sorted(ORDER).forEach(decision -> decision(html, decision, today));
        }
        html.close();
    }

    private void decision(Markup html, ConsentDecision decision, LocalDate today) {
        html.open("article", "class", "consent", "id", anchor(decision));
        html.element("h3", title(decision, names));
        html.open("dl");
        html.element("dt", "Purpose").element("dd", names.purpose(decision.purpose()));
        html.element("dt", "Decision").element("dd", decision.provision() == Provision.PERMIT
                ? "Yes: the information may be shared (permit)."
                : "No: the information must not be shared (deny).");
        html.element("dt", "What it covers");
        scope(html, decision.scope());
        html.element("dt", "When it applies").element("dd", "From " + Wording.day(decision.validFrom()) + decision
                .validUntil().map(last -> " to " + Wording.day(last) + ".").orElse(", with no end date."));
        html.element("dt", "Who decided");
        decider(html, decision.decidedBy());
        html.element("dt", "Recorded by").element("dd", names.agency(decision.recordedBy()) + ", on " + Wording
                .dayAndTime(decision.recordedAt()) + ".");
        html.element("dt", "Evidence").element("dd", "Kept by " + names.agency(decision.recordedBy())
                + " under the reference " + decision.evidenceReference() + ".");
        html.element("dt", "Withdrawn").element("dd", decision.withdrawal().map(this::withdrawal).orElse("No."));
        html.element("dt", "On " + Wording.day(today)).element("dd", status(decision, today));
        html.close().close();
    }

    private void scope(Markup html, ConsentScope scope) {
        List<String> recipients = scope.recipients().stream().map(names::agency).sorted().toList();
        List<String> kinds = scope.recipientKinds().stream().sorted().map(AgencyKind::description).toList();
        List<String> recordTypes = scope.recordTypes().stream().sorted().map(Wording::recordType).toList();
        html.open("dd").open("ul");
        if (recipients.isEmpty() && kinds.isEmpty()) {
            html.element("li", "Any receiver.");
        }
        if (!recipients.isEmpty()) {
            html.element("li", "These receivers: " + String.join(", ", recipients) + ".");
        }
        if (!kinds.isEmpty()) {
            html.element("li", (recipients.isEmpty() ? "Any" : "And any") + " receiver of these kinds: " + String
                    .join(", ", kinds) + ".");
        }
        html.element("li", recordTypes.isEmpty()
                ? "Any kind of record."
                : "These kinds of record: " + String.join(", ", recordTypes) + ".");
        html.close().close();
    }

    private static void decider(Markup html, Decider decider) {
        html.open("dd").text(Wording.decider(decider.role()));
        decider.description().ifPresent(description -> html.text(" (" + description + ")"));
        html.text(".");
        Optional<CompetenceAssessment> competence = decider.competence();
        competence.ifPresent(assessment -> html.text(" On " + Wording.day(assessment.assessedOn()) + ", "
                + assessment.assessedBy() + " assessed " + (assessment.competent()
                        ? "that you understood the decision well enough to make it yourself."
                        : "that you could not yet make this decision yourself.")));
        html.close();
    }

    private String withdrawal(ConsentDecision.Withdrawal withdrawal) {
        String when = withdrawal.withdrawnAt() == null
                ? "a day not recorded"
                : Wording.dayAndTime(withdrawal.withdrawnAt());
        String evidence = withdrawal.evidenceReference() == null
                ? ""
                : " under the reference " + withdrawal.evidenceReference();
        return "Yes, on " + when + ", recorded by " + names.agency(withdrawal.withdrawnBy()) + evidence
                + ". From then on it was no longer relied on.";
    }

    private static String status(ConsentDecision decision, LocalDate today) {
        if (decision.withdrawal().isPresent()) {
            return "Withdrawn.";
        }
        if (today.isBefore(decision.validFrom())) {
            return "Not started yet.";
        }
        if (decision.validUntil().map(today::isAfter).orElse(false)) {
            return "Ended.";
        }
        return "In force.";
    }
}

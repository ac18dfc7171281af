package io.throughgate.watch;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.directory.AgencyKind;
import io.throughgate.evaluation.Ethnicities;
import io.throughgate.exchange.IngestContext;
import io.throughgate.pseudonym.Pseudonyms;
import io.throughgate.pseudonym.SubjectIdentifier;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.timeliness.EvaluationFacts;
import io.throughgate.timeliness.EvaluationSubjects;
import io.throughgate.timeliness.Timelines;

/**
 * The last step of a record's way (routes/ingest-record.yaml): once the record is delivered, it moves its child's
 * resettlement timeline on (contracts/timeliness.yaml), and notes beside it what a copy delivered to the evaluators
 * carried about the child, for the evaluation's extract. The record is already delivered and answered for, so a
 * failure here is logged and never fails the record.
 */
@ApplicationScoped
@Named("timelineWatch")
public class TimelineWatch {

    private static final Logger LOG = Logger.getLogger(TimelineWatch.class);
    /** The purpose of the flows whose copies go to the evaluators. */
    private static final String EVALUATION = "evaluation";

    @Inject
    Timelines timelines;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    Pseudonyms keys;

    @Inject
    NoticeFlows noticeFlows;

    @Inject
    EvaluationSubjects evaluationSubjects;

    /** Moves the timeline of the record's child on, when the record was delivered now and can move it. */
    public IngestContext observe(IngestContext context) {
        if (context.failed() || context.receipt().isEmpty() || context.storedReceipt().isPresent()) {
            return context;
        }
        String type = context.record().path("type").asText();
        if (!timelines.watches(type)) {
            return context;
        }
        try {
            Set<String> known = pseudonyms.lookup(context.record().path("subject"));
            timelines.observe(known, context.subjectPseudonyms(), noticeKey(context).orElse(null), type, context
                    .record(), context.today());
            Optional<EvaluationFacts> facts = evaluationFacts(context);
            if (facts.isPresent()) {
                evaluationSubjects.note(known, facts.get());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("the timeline of the child of record %s was not moved on: %s", context.recordId(), e
                    .getClass().getSimpleName());
        }
        return context;
    }

    /**
     * What the copy delivered to the evaluators under an evaluation flow carried about the child, if one was: the
     * agreement's rules (and the child's consent to evaluation) decided what it holds, generalised already. Only
     * closed values are kept: a month of birth, a gender of the schema's list, and an ethnicity as its ONS 2021
     * category or group, never free text.
     */
    static Optional<EvaluationFacts> evaluationFacts(IngestContext context) {
        return context.gated().stream().filter(copy -> copy.delivery().recipient().kind() == AgencyKind.EVAL && copy
                .delivery().flow().purpose().equals(EVALUATION)).map(copy -> copy.gated().value().path("subject"))
                .map(subject -> new EvaluationFacts(month(text(subject, "dateOfBirth")), text(subject, "gender"),
                        Ethnicities.category(text(subject, "ethnicity")).orElse(null)))
                .filter(facts -> !facts.empty()).findFirst();
    }

    /** A month of birth as the evaluation flow generalises it (2009-02), or null for anything else. */
    private static String month(String value) {
        return value != null && value.matches("[0-9]{4}-[0-9]{2}") ? value : null;
    }

    private static String text(JsonNode subject, String field) {
        JsonNode value = subject.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /**
     * The key the child's timeliness notices will go under: the child's pseudonym, from its first identifier, under
     * the agreement version that carries notices. It is the key of the records the notices' recipients hold about
     * the child under that version (as {@code DeliveryDispatcher} keys them), so they can tell which child it is.
     */
    private Optional<String> noticeKey(IngestContext context) {
        return noticeFlows.keyDomain(context.today()).flatMap(domain -> SubjectIdentifier.of(context.record().path(
                "subject")).stream().findFirst().map(id -> keys.of(domain, id.kind(), id.value())));
    }
}

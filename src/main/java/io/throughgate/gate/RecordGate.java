package io.throughgate.gate;

import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.agreement.PinnedSchema;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.consent.ConsentAnswer;
import io.throughgate.consent.ConsentCheck;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.PlannedDelivery;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.pseudonym.SubjectPseudonyms;

/**
 * Gate step: for each recipient, lets through only what its agreement's flow allows. Consent is asked of a view
 * that holds every decision and withdrawal acknowledged before the record arrived; if that cannot be had (Kafka
 * unavailable) the record fails rather than going out on stale consent.
 */
@ApplicationScoped
@Named("recordGate")
public class RecordGate {

    @Inject
    ConsentRegistry consents;

    @Inject
    SubjectPseudonyms subjects;

    @Inject
    FieldTransforms transforms;

    @Inject
    RecordFieldCatalog recordFields;

    /** Gates the record for every planned delivery. */
    public IngestContext gate(IngestContext context) {
        context.subjectPseudonyms(subjects.of(context.record().path("subject")));
        FieldGate gate = new FieldGate(transforms);
        ConsentQuestion check = new ConsentQuestion(context.record().path("subject"));
        String type = context.record().path("type").asText();
        try {
            for (PlannedDelivery delivery : context.routing().deliveries()) {
                PinnedSchema pinned = PinnedSchema.of(recordFields, delivery.agreement().agreement().orElseThrow(),
                        type);
                GatedRecord gated = gate.gate(context.record(), delivery.flow(), pinned,
                        delivery.pseudonymDomain(),
                        delivery.recipient(), purpose -> answer(check, context, purpose, delivery, type));
                context.gated().add(new IngestContext.Gated(delivery, gated));
            }
        } catch (ConsentUnavailable e) {
            context.fail(Failure.of(ErrorCode.EXCHANGE_UNAVAILABLE, "The hub cannot confirm the child's current "
                    + "consent decisions; nothing was delivered. Try again shortly."));
        }
        return context;
    }

    private ConsentAnswer answer(ConsentQuestion question, IngestContext context, String purpose,
            PlannedDelivery delivery, String type) {
        if (question.check == null) {
            try {
                question.check = consents.currentCheck(context.arrivedAt());
            } catch (TimeoutException e) {
                throw new ConsentUnavailable();
            }
            // Under every pseudonym key, not just the active one: a decision recorded before a key rotation still
            // applies, refusals first of all.
            question.pseudonyms = subjects.lookup(question.subject);
        }
        return question.check.answer(question.pseudonyms, purpose, delivery.recipient(), type, context.today());
    }

    /** The consent check of one record and the child's pseudonyms to ask it with, made on the first question. */
    private static final class ConsentQuestion {

        private final JsonNode subject;
        private ConsentCheck check;
        private Set<String> pseudonyms;

        ConsentQuestion(JsonNode subject) {
            this.subject = subject;
        }
    }

    private static final class ConsentUnavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsentUnavailable() {
            super(null, null, false, false);
        }
    }
}

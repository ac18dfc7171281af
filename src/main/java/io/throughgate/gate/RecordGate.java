package io.throughgate.gate;

import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.throughgate.consent.ConsentAnswer;
import io.throughgate.consent.ConsentCheck;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.deliver.PlannedDelivery;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.ingest.IngestContext;
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

    /** Gates the record for every planned delivery. */
    public IngestContext gate(IngestContext context) {
        if (context.done()) {
            return context;
        }
        context.subjectPseudonyms(subjects.of(context.record().path("subject")));
        FieldGate gate = new FieldGate(transforms);
        ConsentCheck[] check = new ConsentCheck[1];
        String type = context.record().path("type").asText();
        try {
            for (PlannedDelivery delivery : context.routing().deliveries()) {
                GatedRecord gated = gate.gate(context.record(), delivery.flow().fields(), delivery.pseudonymDomain(),
                        delivery.recipient(), purpose -> answer(check, context, purpose, delivery, type));
                context.gated().add(new IngestContext.Gated(delivery, gated));
            }
        } catch (ConsentUnavailable e) {
            context.fail(Failure.of(ErrorCode.EXCHANGE_UNAVAILABLE, "The hub cannot confirm the child's current "
                    + "consent decisions; nothing was delivered. Try again shortly."));
        }
        return context;
    }

    private ConsentAnswer answer(ConsentCheck[] check, IngestContext context, String purpose,
            PlannedDelivery delivery, String type) {
        if (check[0] == null) {
            try {
                check[0] = consents.currentCheck(context.arrivedAt());
            } catch (TimeoutException e) {
                throw new ConsentUnavailable();
            }
        }
        return check[0].answer(context.subjectPseudonyms(), purpose, delivery.recipient(), type, context.today());
    }

    private static final class ConsentUnavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsentUnavailable() {
            super(null, null, false, false);
        }
    }
}

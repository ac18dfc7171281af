package io.throughgate.watch;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import io.throughgate.exchange.IngestContext;
import io.throughgate.pseudonym.Pseudonyms;
import io.throughgate.pseudonym.SubjectIdentifier;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.timeliness.Timelines;

/**
 * The last step of a record's way (routes/ingest-record.yaml): once the record is delivered, it moves its child's
 * resettlement timeline on (contracts/timeliness.yaml). The record is already delivered and answered for, so a
 * failure here is logged and never fails the record.
 */
@ApplicationScoped
@Named("timelineWatch")
public class TimelineWatch {

    private static final Logger LOG = Logger.getLogger(TimelineWatch.class);

    @Inject
    Timelines timelines;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    Pseudonyms keys;

    @Inject
    NoticeFlows noticeFlows;

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
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("the timeline of the child of record %s was not moved on: %s", context.recordId(), e
                    .getClass().getSimpleName());
        }
        return context;
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

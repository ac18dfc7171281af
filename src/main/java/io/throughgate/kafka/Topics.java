package io.throughgate.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.throughgate.directory.AgencyDirectory;

/** The names of the hub's Kafka topics; partners rely on them. */
public final class Topics {

    /** Prefix of each recipient agency's inbox: {@code tg.inbox.<agency-code>}. */
    public static final String INBOX_PREFIX = "tg.inbox.";
    /** Sharing-log events: one per delivery and per withheld delivery. */
    public static final String SHARING_LOG = "tg.sharing-log";
    /**
     * The latest signed checkpoint of the sharing log with its frontier, outside the database (compacted: the latest
     * per log origin is kept), so that a rewritten database cannot make the hub forget what it signed.
     */
    public static final String SHARING_LOG_CHECKPOINTS = "tg.sharing-log-checkpoints";
    /** Consent decisions and withdrawals, shared by every hub replica. */
    public static final String CONSENT_EVENTS = "tg.consent-events";
    /** Records that failed unexpectedly after acceptance, with the reason. */
    public static final String DEAD_LETTER = "tg.dead-letter";

    private Topics() {
    }

    /** The inbox topic of an agency. */
    public static String inbox(String agencyCode) {
        return INBOX_PREFIX + agencyCode;
    }

    /**
     * Settings of a topic the hub creates, beyond the cluster's defaults. Consent events are kept for ever: every
     * replica rebuilds its consent view from them. Of the checkpoints only the latest per log matters.
     */
    public static Map<String, String> settings(String topic) {
        if (SHARING_LOG_CHECKPOINTS.equals(topic)) {
            return Map.of("cleanup.policy", "compact");
        }
        return CONSENT_EVENTS.equals(topic) ? Map.of("retention.ms", "-1", "cleanup.policy", "delete") : Map.of();
    }

    /** Every topic the hub uses: the hub's own topics and one inbox per agency in the directory. */
    public static List<String> all(AgencyDirectory directory) {
        List<String> topics = new ArrayList<>(
                List.of(SHARING_LOG, SHARING_LOG_CHECKPOINTS, CONSENT_EVENTS, DEAD_LETTER));
        directory.all().forEach(agency -> topics.add(inbox(agency.code())));
        return topics;
    }
}

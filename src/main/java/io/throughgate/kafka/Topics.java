package io.throughgate.kafka;

import java.util.ArrayList;
import java.util.List;

import io.throughgate.directory.AgencyDirectory;

/** The names of the hub's Kafka topics; partners rely on them. */
public final class Topics {

    /** Prefix of each recipient agency's inbox: {@code tg.inbox.<agency-code>}. */
    public static final String INBOX_PREFIX = "tg.inbox.";
    /** Sharing-log events: one per delivery and per withheld delivery. */
    public static final String SHARING_LOG = "tg.sharing-log";
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

    /** Every topic the hub uses: the hub's own topics and one inbox per agency in the directory. */
    public static List<String> all(AgencyDirectory directory) {
        List<String> topics = new ArrayList<>(List.of(SHARING_LOG, CONSENT_EVENTS, DEAD_LETTER));
        directory.all().forEach(agency -> topics.add(inbox(agency.code())));
        return topics;
    }
}

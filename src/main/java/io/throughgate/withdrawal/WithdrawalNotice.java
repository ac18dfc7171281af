package io.throughgate.withdrawal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A notice to an agency that a consent decision it received data under has been withdrawn, so that it can act as
 * its agreement says (for example stop further use, or delete). It names the child only by the agency's own
 * pseudonym (the key of the messages it received), and the records it received under the decision with their
 * sharing-log entries. A delivery indexed after a notice was sent gets a notice of its own.
 *
 * @param type always {@code consent-withdrawal-notice}
 * @param noticeId the notice's id: the same for the same decision, agency and pseudonym, so a repeat is recognised
 * @param decisionId the withdrawn consent decision
 * @param purpose the decision's purpose
 * @param withdrawnOn the day of the withdrawal (London)
 * @param withdrawnAt when the hub acknowledged it
 * @param recipient the agency notified
 * @param subjectPseudonym the child's pseudonym for that agency
 * @param records the records the agency received relying on the decision
 */
public record WithdrawalNotice(String type, String noticeId, String decisionId, String purpose, LocalDate withdrawnOn,
        Instant withdrawnAt, String recipient, String subjectPseudonym, List<Received> records) {

    /** The notice's type, in the message. */
    public static final String TYPE = "consent-withdrawal-notice";
    /** The prefix of the {@code ce_type} of every notice from the hub itself. */
    public static final String CE_TYPE_PREFIX = "io.throughgate.notice.";
    /** The notice's {@code ce_type}. */
    public static final String CE_TYPE = CE_TYPE_PREFIX + TYPE + ".v1";

    /**
     * A record received relying on the decision.
     *
     * @param recordId the record's id, as the recipient received it
     * @param agreementId the agreement it came under
     * @param logEntry the sharing-log entry of that delivery (its index): each entry is covered by one notice
     */
    public record Received(String recordId, String agreementId, long logEntry) {
    }

    public WithdrawalNotice {
        records = List.copyOf(records);
    }

    /**
     * The notice's id for a decision, agency, pseudonym and the first sharing-log entry it covers (a name-based
     * UUID, RFC 4122 version 3): a notice sent again after a failure has the same id.
     */
    static String idOf(UUID decision, String recipient, String pseudonym, long firstEntry) {
        return UUID.nameUUIDFromBytes((decision + "|" + recipient + "|" + pseudonym + "|" + firstEntry).getBytes(
                StandardCharsets.UTF_8)).toString();
    }
}

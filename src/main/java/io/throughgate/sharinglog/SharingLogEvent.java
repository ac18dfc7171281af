package io.throughgate.sharinglog;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the sharing log, as written to {@code tg.sharing-log} in the same Kafka transaction as the delivery
 * it describes: who received which fields about which child, when, under which agreement and lawful basis, which
 * consent was relied on, and what was withheld and why. It holds no value and no raw identifier: the child appears
 * only as the hub's pseudonyms.
 *
 * @param eventId the entry's id
 * @param outcome {@code delivered}, or {@code withheld} when nothing but the envelope could go
 * @param recordId the record's id
 * @param recordType the record's type
 * @param sender the sending agency
 * @param recipient the receiving agency
 * @param recipientPseudonym the child's pseudonym for the recipient (the message key it received), for a delivery
 * @param agreementId the agreement the delivery was made under
 * @param agreementVersion its version
 * @param agreementSha256 the digest of the signed agreement file in force
 * @param purpose the flow's purpose
 * @param lawfulBasis the agreement's lawful basis
 * @param consentDecisions the consent decisions relied on
 * @param fields each field's outcome and reason
 * @param subjectPseudonyms the child's hub-wide pseudonyms
 * @param occurredAt when the recorded event happened, as the sender says
 * @param receivedAt when the hub received the record
 * @param topic the inbox topic, for a delivery
 * @param partition the partition, for a delivery
 * @param offset the offset, for a delivery
 * @param recipientRecordId the record id the recipient's copy carries when its flow gives copies an id of their own
 *        (a pseudonymising flow); absent when the copy carries the sender's id
 * @param flow the agreement's flow the delivery was made under (absent in entries written before the hub named it)
 * @param routedBy the routing field that named the recipient, e.g. {@code /body/supervisingYot}; absent for a fixed
 *        recipient (and in entries written before the hub named it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharingLogEvent(String eventId, String outcome, String recordId, String recordType, String sender,
        String recipient, String recipientPseudonym, String agreementId, int agreementVersion, String agreementSha256,
        String purpose,
        LawfulBasis lawfulBasis, List<String> consentDecisions, List<Field> fields, List<String> subjectPseudonyms,
        String occurredAt, Instant receivedAt, String topic, Integer partition, Long offset,
        String recipientRecordId, String flow, String routedBy) {

    /**
     * The lawful basis of the agreement, as codes.
     *
     * @param article6 e.g. {@code public-task}
     * @param article9 e.g. {@code health-or-social-care}
     * @param schedule1 e.g. {@code para-18-safeguarding}
     * @param statutoryGateways e.g. "Crime and Disorder Act 1998 s115"
     */
    public record LawfulBasis(String article6, List<String> article9, List<String> schedule1,
            List<String> statutoryGateways) {
    }

    /**
     * A field's outcome.
     *
     * @param field the JSON pointer, {@code *} for array items
     * @param outcome share, pseudonymise, generalise, encrypt or withhold
     * @param reason why, where there is a reason
     * @param consentDecision the consent decision relied on, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String field, String outcome, String reason, String consentDecision) {
    }
}

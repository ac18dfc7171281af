package io.throughgate.subscriber;

import java.util.Objects;

import io.throughgate.withdrawal.WithdrawalNotice;

/**
 * What {@link InboxMessageReader} made of one message of an inbox: {@link Opened} (a record, signature verified,
 * encrypted fields decrypted), {@link Notice} (a notice from the hub, signature verified and checked) or
 * {@link Rejected} (with the reason; the message must not be used).
 *
 * <pre>{@code
 * Reading result = reader.read(consumerRecord);
 * if (result instanceof Reading.Opened opened) {
 *     store(opened.message());
 * } else if (result instanceof Reading.Notice notice) {
 *     actOnWithdrawalOnce(notice.notice()); // by noticeId: the same notice may come again
 * } else if (result instanceof Reading.Rejected rejected) {
 *     alert(rejected.reason());
 * }
 * }</pre>
 */
public sealed interface Reading permits Reading.Opened, Reading.Notice, Reading.Rejected {

    /**
     * A message the hub signed, with every field encrypted for this agency decrypted.
     *
     * @param message the opened message
     */
    record Opened(OpenedMessage message) implements Reading {

        public Opened {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A consent withdrawal notice the hub signed, addressed to this agency: consent that data it received relied on
     * has been withdrawn. Act on the listed records as the agreement they came under says; a notice with a
     * {@code noticeId} already acted on is a repeat.
     *
     * @param notice the notice, as its signed value says
     */
    record Notice(WithdrawalNotice notice) implements Reading {

        public Notice {
            Objects.requireNonNull(notice, "notice");
        }
    }

    /**
     * A message that failed a check. Nothing of it may be trusted: report it (to the hub's operators, with the
     * record id and offset) and do not act on its content.
     *
     * @param recordId the {@code ce_id} header as received (unverified: a record id, or a notice id), or
     *        {@code "?"} if absent
     * @param partition the partition of the inbox topic it was read from
     * @param offset its offset in that partition
     * @param reason which check failed, and how; never a field's value
     */
    record Rejected(String recordId, int partition, long offset, String reason) implements Reading {

        public Rejected {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

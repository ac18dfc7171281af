package io.throughgate.subscriber;

import java.util.Objects;

/**
 * What {@link InboxMessageReader} made of one message of an inbox: {@link Opened} (signature verified, encrypted
 * fields decrypted) or {@link Rejected} (with the reason; the message must not be used).
 *
 * <pre>{@code
 * Result result = reader.read(consumerRecord);
 * if (result instanceof Result.Opened opened) {
 *     store(opened.message());
 * } else if (result instanceof Result.Rejected rejected) {
 *     alert(rejected.reason());
 * }
 * }</pre>
 */
public sealed interface Result permits Result.Opened, Result.Rejected {

    /**
     * A message the hub signed, with every field encrypted for this agency decrypted.
     *
     * @param message the opened message
     */
    record Opened(OpenedMessage message) implements Result {

        public Opened {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A message that failed a check. Nothing of it may be trusted: report it (to the hub's operators, with the
     * record id and offset) and do not act on its content.
     *
     * @param recordId the {@code ce_id} header as received (unverified), or {@code "?"} if absent
     * @param partition the partition of the inbox topic it was read from
     * @param offset its offset in that partition
     * @param reason which check failed, and how; never a field's value
     */
    record Rejected(String recordId, int partition, long offset, String reason) implements Result {

        public Rejected {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

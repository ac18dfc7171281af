package io.throughgate.inbox;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message of an agency's inbox, as the HTTPS inbox serves it: exactly what a Kafka subscriber receives, so that
 * the same signature verification and field decryption apply (docs/subscribing.md).
 *
 * @param cursor the position just after this message: acknowledge it once the message is stored
 * @param partition the message's partition of {@code tg.inbox.<agency>}
 * @param offset its offset there
 * @param key the message key: the child's pseudonym for the agency
 * @param headers the message's headers (CloudEvents {@code ce_*}, the hub's {@code tg_*}, the batch signature)
 * @param value the message's value, base64: the exact bytes the signature covers, a JSON record or notice
 */
@Schema(name = "InboxMessage")
public record InboxMessage(
        @Schema(examples = "0-13.1-7.2-30") String cursor,
        int partition,
        long offset,
        String key,
        Map<String, String> headers,
        @Schema(description = "the exact bytes of the record as signed, base64") String value) {
}

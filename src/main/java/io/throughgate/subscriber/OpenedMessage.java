package io.throughgate.subscriber;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One delivered record, verified and decrypted, with where it comes from.
 *
 * @param recordId the record's id, from the signed value ({@code recordId}, also the {@code ce_id} header)
 * @param type the record type, e.g. {@code release-notification}, from the signed value ({@code type})
 * @param from the sending agency's code, from the signed value ({@code sender})
 * @param agreement the sharing agreement the record was delivered under ({@code tg_agreement_id} header)
 * @param agreementVersion that agreement's version ({@code tg_agreement_version} header)
 * @param key the Kafka message key: this agency's pseudonym for the child under that agreement version
 * @param record the gated record, with every {@code {"encrypted": ...}} field replaced by its decrypted value
 */
public record OpenedMessage(String recordId, String type, String from, String agreement, int agreementVersion,
        String key, ObjectNode record) {

    public OpenedMessage {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(record, "record");
    }

    /**
     * The message as the example subscriber prints it: {@code {"recordId", "type", "from", "agreement",
     * "agreementVersion", "key", "record"}}.
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("recordId", recordId);
        json.put("type", type);
        json.put("from", from);
        json.put("agreement", agreement);
        json.put("agreementVersion", agreementVersion);
        json.put("key", key);
        json.set("record", record);
        return json;
    }
}

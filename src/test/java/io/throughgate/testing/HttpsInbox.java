package io.throughgate.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import io.restassured.path.json.JsonPath;
import io.throughgate.kafka.Topics;

/** Reads an agency's inbox through the HTTPS inbox, as a case system without a Kafka client does. */
public final class HttpsInbox {

    private HttpsInbox() {
    }

    /** Every message of the agency's inbox from its beginning, read as the agency, page by page. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String agency) {
        JsonPath first = page(agency, "?limit=1");
        // The page's cursor names every partition: the same partitions at offset 0 are the inbox's beginning.
        String beginning = java.util.Arrays.stream(first.getString("cursor").split("\\.")).map(position -> position
                .substring(0, position.indexOf('-')) + "-0").collect(Collectors.joining("."));
        List<ConsumerRecord<String, byte[]>> messages = new ArrayList<>();
        String after = beginning;
        while (true) {
            JsonPath page = page(agency, "?limit=500&after=" + after);
            List<Map<String, Object>> served = page.getList("messages");
            if (served.isEmpty()) {
                return messages;
            }
            served.forEach(message -> messages.add(record(agency, message)));
            after = page.getString("cursor");
        }
    }

    /** A served message as the Kafka record it is, so that the same readers and checks apply. */
    @SuppressWarnings("unchecked")
    public static ConsumerRecord<String, byte[]> record(String agency, Map<String, Object> message) {
        RecordHeaders headers = new RecordHeaders();
        ((Map<String, String>) message.get("headers")).forEach((name, value) -> headers.add(name, value == null
                ? null
                : value.getBytes(StandardCharsets.UTF_8)));
        byte[] value = Base64.getDecoder().decode((String) message.get("value"));
        return new ConsumerRecord<>(Topics.inbox(agency), (Integer) message.get("partition"), ((Number) message.get(
                "offset")).longValue(), 0L, TimestampType.CREATE_TIME, 0, value.length, (String) message.get("key"),
                value, headers, Optional.empty());
    }

    private static JsonPath page(String agency, String query) {
        return TestClients.as(agency).when().get("/v1/inbox" + query).then().statusCode(200).extract().jsonPath();
    }
}

package io.throughgate.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InboxSubscriberTest {

    private static final String ICB = "health-icb-north-central-london";
    private static final String TOPIC = "tg.inbox." + ICB;
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOpenedMessagesReportsRejectedOnesAndCommitsWhatItProcessedUpToTheLimit() throws Exception {
        String value = SignedDeliveries.healthSummaryFor(ICB);
        ConsumerRecord<String, byte[]> good = SignedDeliveries.delivered(value);
        byte[] changed = value.replace("\"level\":\"low\"", "\"level\":\"high\"").getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> tampered = SignedDeliveries.message(changed, SignedDeliveries.proofOf(good),
                header(good, "tg_signature_key_id"));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            for (int offset = 0; offset < 4; offset++) {
                ConsumerRecord<String, byte[]> source = offset == 1 ? tampered : good;
                ConsumerRecord<String, byte[]> message = new ConsumerRecord<>(TOPIC, 0, offset, source.key(), source
                        .value());
                source.headers().forEach(message.headers()::add);
                consumer.addRecord(message);
            }
        });

        InboxSubscriber.Counts counts = subscriber().run(3);

        assertEquals(new InboxSubscriber.Counts(2, 0, 1), counts);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(SignedDeliveries.CLINICAL_SUMMARY, first.at("/record/body/clinicalSummary").asText());
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("recordId", "type", "from", "agreement", "agreementVersion", "key", "record"), names);
        String reported = err.toString(StandardCharsets.UTF_8);
        assertTrue(reported.startsWith("REJECTED ce_id=" + SignedDeliveries.RECORD_ID + " partition=0 offset=1: "),
                reported);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("high"), "a rejected message is never printed");
        assertEquals(3L, consumer.committed(Set.of(PARTITION)).get(PARTITION).offset(),
                "the fourth message was not processed, so it is not committed");
    }

    @Test
    void printsANoticeAsOneJsonLineAndSaysItInOneLineOfWords() throws Exception {
        ConsumerRecord<String, byte[]> notice = SignedNotices.sent(SignedNotices.withdrawalFor(ICB));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            ConsumerRecord<String, byte[]> message = new ConsumerRecord<>(TOPIC, 0, 0L, notice.key(), notice.value());
            notice.headers().forEach(message.headers()::add);
            consumer.addRecord(message);
        });

        InboxSubscriber.Counts counts = subscriber().run(1);

        assertEquals(new InboxSubscriber.Counts(0, 1, 0), counts);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size());
        JsonNode printed = new ObjectMapper().readTree(lines.get(0));
        assertEquals(SignedNotices.NOTICE_ID, printed.at("/notice/noticeId").asText());
        assertEquals("2026-11-25", printed.at("/notice/withdrawnOn").asText());
        assertEquals(SignedNotices.OTHER_RECORD_ID, printed.at("/notice/records/1/recordId").asText());
        assertEquals("NOTICE consent withdrawal notice for purpose health-information-sharing, withdrawn on "
                + "2026-11-25, pseudonym " + SignedDeliveries.KEY + ", 2 records, notice id "
                + SignedNotices.NOTICE_ID + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(1L, consumer.committed(Set.of(PARTITION)).get(PARTITION).offset());
    }

    @Test
    void stopEndsTheRun() {
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(PARTITION)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        InboxSubscriber subscriber = subscriber();
        subscriber.stop();

        assertEquals(new InboxSubscriber.Counts(0, 0, 0), subscriber.run(Long.MAX_VALUE));
    }

    private InboxSubscriber subscriber() {
        return new InboxSubscriber(consumer, TOPIC, SignedDeliveries.readerFor(ICB), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private static String header(ConsumerRecord<String, byte[]> message, String name) {
        return new String(message.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

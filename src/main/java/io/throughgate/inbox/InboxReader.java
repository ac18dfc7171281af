package io.throughgate.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import io.throughgate.kafka.Topics;

/**
 * Reads an agency's inbox topic for the HTTPS inbox, as a Kafka subscriber would: {@code read_committed}, so nothing
 * of an aborted transaction is ever served, from the positions a cursor names. Each read has a consumer to itself
 * ({@link InboxConsumers}), assigned to the topic's partitions without a consumer group, so reads of one agency's
 * clients, and of different replicas, never take messages from each other.
 */
@ApplicationScoped
public class InboxReader {

    private static final Duration SHORTEST_POLL = Duration.ofMillis(200);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The messages read and where the inbox stands after them.
     *
     * @param messages the messages, each with the cursor just after it
     * @param cursor the cursor after the last message, or where reading started when there was none
     */
    public record Page(List<InboxMessage> messages, InboxCursor cursor) {
    }

    /** A cursor that names a partition the inbox does not have, or a position beyond its end. */
    public static final class UnknownCursor extends Exception {

        private static final long serialVersionUID = 1L;

        UnknownCursor(String message) {
            super(message);
        }
    }

    @Inject
    InboxConsumers consumers;

    /**
     * Reads the next messages.
     *
     * @param agency whose inbox
     * @param after the cursor given by an earlier read, or null to start from {@code acknowledged}
     * @param acknowledged the agency's acknowledged positions (partitions not named start at their beginning)
     * @param limit the most messages to return
     * @param wait how long to wait for a message when there is none
     * @throws UnknownCursor if {@code after} is not a position of this inbox
     */
    public Page read(String agency, InboxCursor after, Map<Integer, Long> acknowledged, int limit, Duration wait)
            throws UnknownCursor {
        return consumers.with(agency, consumer -> read(consumer, Topics.inbox(agency), after, acknowledged, limit,
                wait));
    }

    private static Page read(KafkaConsumer<String, byte[]> consumer, String topic, InboxCursor after,
            Map<Integer, Long> acknowledged, int limit, Duration wait) throws UnknownCursor {
        List<TopicPartition> partitions = partitions(consumer, topic);
        // With read_committed, the end offsets are the last stable offsets: what is committed up to now.
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
        if (after != null) {
            check(partitions, ends, after);
        }
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
        consumer.assign(partitions);
        Map<Integer, Long> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long position = after != null
                    ? after.positions().get(partition.partition())
                    : acknowledged.getOrDefault(partition.partition(), 0L);
            // Messages before the beginning are gone (retention); read from what is kept.
            position = Math.max(position, beginnings.get(partition));
            consumer.seek(partition, position);
            start.put(partition.partition(), position);
        }
        InboxCursor cursor = new InboxCursor(start);
        if (wait.isZero() && ends.entrySet().stream().allMatch(end -> start.get(end.getKey().partition()) >= end
                .getValue())) {
            return new Page(List.of(), cursor);
        }
        List<InboxMessage> messages = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        // Committed messages are known to be there: keep fetching until they come, however slow the broker is.
        long committedDeadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
        do {
            long remaining = Math.max(deadline - System.nanoTime(), SHORTEST_POLL.toNanos());
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofNanos(Math.min(remaining,
                    Duration.ofSeconds(1).toNanos())))) {
                if (messages.size() == limit) {
                    break;
                }
                cursor = cursor.after(record.partition(), record.offset());
                messages.add(message(record, cursor));
            }
        } while (messages.isEmpty() && (System.nanoTime() < deadline || behind(consumer, ends)
                && System.nanoTime() < committedDeadline));
        if (!messages.isEmpty()) {
            return new Page(messages, cursor);
        }
        Map<Integer, Long> end = new HashMap<>();
        for (TopicPartition partition : partitions) {
            end.put(partition.partition(), consumer.position(partition, KAFKA_TIMEOUT));
        }
        return new Page(messages, new InboxCursor(end));
    }

    /**
     * Whether some partition is not yet read up to the end offsets found at the start of the read. Aborted messages
     * and transaction markers move the position without giving a message, so this ends once they are passed.
     */
    private static boolean behind(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), KAFKA_TIMEOUT) < end
                .getValue());
    }

    /**
     * Checks that a cursor is a position of the agency's inbox: its partitions, and no further than the last
     * committed message.
     *
     * @throws UnknownCursor if it is not
     */
    public void check(String agency, InboxCursor cursor) throws UnknownCursor {
        consumers.with(agency, consumer -> {
            List<TopicPartition> partitions = partitions(consumer, Topics.inbox(agency));
            check(partitions, consumer.endOffsets(partitions, KAFKA_TIMEOUT), cursor);
            return null;
        });
    }

    /** Checks a cursor against the inbox's partitions and their end offsets (the last stable offsets). */
    private static void check(List<TopicPartition> partitions, Map<TopicPartition, Long> ends, InboxCursor cursor)
            throws UnknownCursor {
        Set<Integer> numbers = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        if (!numbers.equals(cursor.positions().keySet())) {
            throw new UnknownCursor("names partitions " + cursor.positions().keySet() + "; this inbox has "
                    + numbers.stream().sorted().toList());
        }
        // Nothing beyond the last stable offsets was ever served.
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long position = cursor.positions().get(end.getKey().partition());
            if (position > end.getValue()) {
                throw new UnknownCursor("is beyond the end of partition " + end.getKey().partition()
                        + "; it was not given by this inbox");
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> found = consumer.partitionsFor(topic, KAFKA_TIMEOUT);
        if (found.isEmpty()) {
            // The hub creates every agency's inbox at start; without it there is nothing to read from yet.
            throw new KafkaException("the inbox topic " + topic + " does not exist");
        }
        return found.stream().map(info -> new TopicPartition(topic, info
                .partition())).sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static InboxMessage message(ConsumerRecord<String, byte[]> record, InboxCursor cursor) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null
                    ? null
                    : new String(header.value(),
                            StandardCharsets.UTF_8));
        }
        return new InboxMessage(cursor.text(), record.partition(), record.offset(), record.key(), headers, Base64
                .getEncoder().encodeToString(record.value()));
    }
}

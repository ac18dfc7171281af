package io.throughgate.subscriber;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.json.Json;
import io.throughgate.withdrawal.WithdrawalNotice;

/**
 * The consuming loop of the example subscriber: polls an inbox topic, opens each message with
 * {@link InboxMessageReader}, prints an opened record or a notice as one JSON line and reports a rejected message,
 * then commits the offsets of what it processed. Delivery is at least once: after a crash or a rebalance a message
 * may come again, so a real system stores records idempotently, by record id ({@code ce_id}), and acts on a notice
 * once, by notice id.
 */
final class InboxSubscriber {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration NO_ASSIGNMENT_WARNING = Duration.ofSeconds(15);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final InboxMessageReader reader;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean fromBeginning;

    /**
     * @param consumer a consumer made with {@link ConsumerSettings}
     * @param topic the agency's inbox, {@code tg.inbox.<agency-code>}
     * @param reader checks and opens each message
     * @param out where each opened record and each notice is printed, one JSON line
     * @param err where each notice is also described, in words, and each rejected message reported
     * @param fromBeginning whether to read each partition again from its first message, whatever the group
     *        committed before
     */
    InboxSubscriber(Consumer<String, byte[]> consumer, String topic, InboxMessageReader reader, PrintStream out,
            PrintStream err, boolean fromBeginning) {
        this.consumer = consumer;
        this.topic = topic;
        this.reader = reader;
        this.out = out;
        this.err = err;
        this.fromBeginning = fromBeginning;
    }

    /**
     * Reads until {@code maxMessages} messages were processed or {@link #stop()} is called.
     *
     * @return how many records were opened, how many notices accepted and how many messages rejected
     */
    Counts run(long maxMessages) {
        long opened = 0;
        long notices = 0;
        long rejected = 0;
        consumer.subscribe(List.of(topic), new Rewind());
        long warnAt = System.nanoTime() + NO_ASSIGNMENT_WARNING.toNanos();
        boolean warned = false;
        try {
            while (opened + notices + rejected < maxMessages) {
                if (!warned && System.nanoTime() - warnAt > 0 && consumer.assignment().isEmpty()) {
                    // The consumer retries silently: say why nothing comes, once.
                    err.println("subscribe: no partition of " + topic + " assigned yet: is the cluster reachable, "
                            + "does the topic exist, and may this identity read it? Still trying.");
                    warned = true;
                }
                Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
                for (ConsumerRecord<String, byte[]> message : consumer.poll(POLL_TIMEOUT)) {
                    if (opened + notices + rejected == maxMessages) {
                        break; // Not processed, so not committed: the next run reads it.
                    }
                    Reading result = reader.read(message);
                    if (result instanceof Reading.Opened ok) {
                        out.println(json(ok.message().toJson()));
                        opened++;
                    } else if (result instanceof Reading.Notice notice) {
                        // Printed like a record, for a program reading standard output; said in words for a person.
                        // A real system acts on it once (by noticeId) as the agreements of the listed records say.
                        ObjectNode line = JSON.createObjectNode();
                        line.set("notice", Json.tree(notice.notice()));
                        out.println(json(line));
                        err.println(describe(notice.notice()));
                        notices++;
                    } else if (result instanceof Reading.Rejected no) {
                        // Never print or use a rejected message. It is reported and skipped: reading it again
                        // would fail the same way. A real system raises an alert with the record id and offset.
                        err.println("REJECTED ce_id=" + no.recordId() + " partition=" + no.partition() + " offset="
                                + no.offset() + ": " + no.reason());
                        rejected++;
                    }
                    out.flush();
                    // The committed offset is that of the next message to read.
                    processed.put(new TopicPartition(message.topic(), message.partition()),
                            new OffsetAndMetadata(message.offset() + 1));
                }
                if (!processed.isEmpty()) {
                    consumer.commitSync(processed);
                }
            }
        } catch (WakeupException e) {
            // stop() was called (Ctrl-C): what was processed and not yet committed comes again next time.
        }
        return new Counts(opened, notices, rejected);
    }

    /** Makes {@link #run} return soon; safe to call from another thread (e.g. a shutdown hook). */
    void stop() {
        consumer.wakeup();
    }

    /** A notice in one line of words. */
    static String describe(WithdrawalNotice notice) {
        int count = notice.records().size();
        String records = count == 1 ? "1 record" : count + " records";
        return "NOTICE consent withdrawal notice for purpose " + notice.purpose() + ", withdrawn on "
                + notice.withdrawnOn() + ", pseudonym " + notice.subjectPseudonym() + ", " + records + ", notice id "
                + notice.noticeId();
    }

    private static String json(ObjectNode line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many messages a run opened, accepted as notices and rejected.
     *
     * @param opened records verified, decrypted and printed
     * @param notices notices verified, checked and printed
     * @param rejected failed a check, reported and skipped
     */
    record Counts(long opened, long notices, long rejected) {
    }

    /** With {@code --from-beginning}, moves each partition to its first message the first time it is assigned. */
    private final class Rewind implements ConsumerRebalanceListener {

        private final Set<TopicPartition> rewound = new HashSet<>();

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> fresh = partitions.stream().filter(rewound::add).toList();
            if (fromBeginning && !fresh.isEmpty()) {
                consumer.seekToBeginning(fresh);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets are committed after each poll's messages are processed: nothing is pending here.
        }
    }
}

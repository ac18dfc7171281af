package io.throughgate.subscriber;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.throughgate.cli.CommandOptions;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.kafka.KafkaTls;
import io.throughgate.kafka.Topics;

/**
 * The {@code subscribe} command: an example subscriber that reads, verifies and decrypts an agency's inbox, records
 * and the hub's consent withdrawal notices.
 */
public final class SubscribeCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar subscribe --agency CODE
                   [--bootstrap-servers HOST:PORT] [--signing-certificate PEM] [--encryption-key PEM]
                   [--encryption-certificate PEM] [--from-beginning] [--group ID] [--max-messages N]
                   [--client-certificate P12] [--client-certificate-password PASSWORD] [--trusted-ca PEM]
                   [--consumer-config FILE] [--help]

            An example subscriber for partners (see docs/subscribing.md). Connects to Kafka over mutual TLS as the
            agency, with its client certificate: the broker lets an agency read only its own inbox, in consumer
            groups named CODE-*. Reads the agency's inbox topic
            tg.inbox.CODE with isolation.level=read_committed and, for each message: checks that
            tg_signature_algorithm is SHA256withECDSA and tg_signature_key_id is the key id of the hub signing
            certificate; hashes the value's exact bytes bound to CODE, the topic, the agreement, ce_id and the key
            id (the message's leaf); follows tg_batch_audit_path from the leaf at tg_batch_leaf_index to the root
            of a batch of tg_batch_size; and verifies tg_signature over that root (once per batch: the hub signs
            each inbox's messages of one transaction together). Then, for a record: checks that
            ce_id, ce_source and ce_type agree with the signed value, decrypts every {"encrypted": ...} field
            with the agency's key, and prints one JSON line on standard output:
              {"recordId", "type", "from", "agreement", "agreementVersion", "key", "record"}
            Timeliness notices (a resettlement milestone at risk, missed or met) and the partnership's
            daily digest are records of types timeliness-notice and timeliness-digest from
            partnership-london-resettlement, and are checked and printed as records.
            The inbox also carries the hub's consent withdrawal notices (ce_type
            io.throughgate.notice.consent-withdrawal-notice.v1): consent that data sent to the agency relied
            on was withdrawn. For a notice it checks that ce_id is the signed noticeId and that the notice is
            for CODE (signed recipient and tg_recipient), prints one JSON line on standard output:
              {"notice": {"type", "noticeId", "decisionId", "purpose", "withdrawnOn", "withdrawnAt",
                          "recipient", "subjectPseudonym", "records": [{"recordId", "agreementId"}]}}
            and says on standard error: NOTICE consent withdrawal notice for purpose ..., withdrawn on ...,
            pseudonym ..., N records, notice id .... The same notice may come twice: act on a noticeId once.
            A message that fails a check is not printed: it is reported on standard error as
            REJECTED ce_id=... partition=... offset=...: REASON. Offsets are committed after each message is
            processed. Stops after --max-messages messages, or on Ctrl-C.

              --agency CODE                   the agency whose inbox to read, e.g. yoi-feltham
              --bootstrap-servers HOST:PORT   the Kafka cluster (default: localhost:19092, the laptop hub's broker)
              --signing-certificate PEM       the hub's signing certificate (default: certs-dev/hub/signing.crt)
              --encryption-key PEM            the agency's encryption private key, PKCS#8
                                              (default: certs-dev/agencies/CODE/CODE-encryption.key)
              --encryption-certificate PEM    the agency's encryption certificate
                                              (default: certs-dev/agencies/CODE/CODE-encryption.crt)
              --from-beginning                read every partition from its first message, ignoring the
                                              group's committed offsets (a new group starts there anyway)
              --group ID                      the consumer group (default: CODE-example-subscriber)
              --max-messages N                stop after N messages, records, notices or rejected
                                              (default: no limit)
              --client-certificate P12        the agency's client certificate and key, PKCS#12
                                              (default: certs-dev/agencies/CODE/CODE.p12)
              --client-certificate-password PASSWORD
                                              its password (default: throughgate-dev, the development one)
              --trusted-ca PEM                the CA of the broker's certificate (default: certs-dev/ca/ca.crt)
              --consumer-config FILE          Kafka client properties for a real cluster (security.protocol,
                                              ssl.keystore.location, ...), instead of the three options above

            Exit status: 0 no message rejected, 1 a message rejected or a failure (unreadable key files,
            Kafka error), 2 usage error; stopped by Ctrl-C, 130 as for any program.
            """;

    private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private SubscribeCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandOptions options;
        String agency;
        long maxMessages;
        try {
            options = CommandOptions.parse(args, Set.of("--help", "--from-beginning"), Set.of("--agency",
                    "--bootstrap-servers", "--signing-certificate", "--encryption-key", "--encryption-certificate",
                    "--group", "--max-messages", "--consumer-config", "--client-certificate",
                    "--client-certificate-password", "--trusted-ca"));
            if (options.has("--help")) {
                out.print(HELP);
                return 0;
            }
            agency = options.value("--agency").orElseThrow(() -> new IllegalArgumentException(
                    "--agency is required"));
            if (!AGENCY.matcher(agency).matches()) {
                throw new IllegalArgumentException("'" + agency + "' is not an agency code");
            }
            if (!options.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument '" + options.positional().get(0) + "'");
            }
            maxMessages = maxMessages(options);
        } catch (IllegalArgumentException e) {
            err.println("subscribe: " + e.getMessage());
            return 2;
        }
        InboxMessageReader reader;
        Properties connection = new Properties();
        try {
            String agencyFiles = "certs-dev/agencies/" + agency + "/" + agency;
            Path signing = Path.of(options.value("--signing-certificate").orElse("certs-dev/hub/signing.crt"));
            Path key = Path.of(options.value("--encryption-key").orElse(agencyFiles + "-encryption.key"));
            Path certificate = Path.of(options.value("--encryption-certificate").orElse(agencyFiles
                    + "-encryption.crt"));
            reader = KeyFiles.reader(agency, signing, key, certificate);
            if (options.value("--consumer-config").isPresent()) {
                try (Reader file = Files.newBufferedReader(Path.of(options.value("--consumer-config").get()))) {
                    connection.load(file);
                }
            } else {
                connection.putAll(clientCertificate(options, agencyFiles).clientProperties());
            }
        } catch (NoSuchFileException e) {
            err.println("subscribe: no such file: " + e.getFile());
            return 1;
        } catch (IOException | IllegalStateException e) {
            err.println("subscribe: " + e.getMessage());
            return 1;
        }
        String topic = Topics.inbox(agency);
        String group = options.value("--group").orElse(agency + "-example-subscriber");
        String servers = options.value("--bootstrap-servers").orElse("localhost:19092");
        err.println("subscribe: reading " + topic + " from " + servers + " as group " + group
                + "; hub signing key id " + reader.hubKeyId());
        return consume(ConsumerSettings.of(servers, group, connection), topic, reader,
                options.has("--from-beginning"), maxMessages, out, err);
    }

    /** The agency's Kafka client certificate: the options, else its development files. */
    private static KafkaTls clientCertificate(CommandOptions options, String agencyFiles) throws NoSuchFileException {
        Path keyStore = Path.of(options.value("--client-certificate").orElse(agencyFiles + ".p12"));
        Path ca = Path.of(options.value("--trusted-ca").orElse("certs-dev/ca/ca.crt"));
        for (Path file : List.of(keyStore, ca)) {
            if (!Files.isReadable(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        return new KafkaTls(keyStore, options.value("--client-certificate-password").orElse(
                DevelopmentCertificates.DEV_PASSWORD), ca);
    }

    private static int consume(Map<String, Object> settings, String topic, InboxMessageReader reader,
            boolean fromBeginning, long maxMessages, PrintStream out, PrintStream err) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            InboxSubscriber subscriber = new InboxSubscriber(consumer, topic, reader, out, err, fromBeginning);
            // Ctrl-C: wake the consumer up, and let it close (leaving the group) before the JVM exits.
            hook = new Thread(() -> {
                subscriber.stop();
                awaitQuietly(closed);
            }, "subscribe-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            InboxSubscriber.Counts counts = subscriber.run(maxMessages);
            err.println("subscribe: " + counts.opened() + " opened, " + counts.notices() + " notices, " + counts
                    .rejected() + " rejected");
            return counts.rejected() == 0 ? 0 : 1;
        } catch (KafkaException e) {
            err.println("subscribe: Kafka: " + describe(e));
            return 1;
        } finally {
            closed.countDown();
            removeQuietly(hook);
        }
    }

    private static long maxMessages(CommandOptions options) {
        String value = options.value("--max-messages").orElse(null);
        if (value == null) {
            return Long.MAX_VALUE;
        }
        try {
            long max = Long.parseLong(value);
            if (max > 0) {
                return max;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("--max-messages needs a positive number, got '" + value + "'");
    }

    /** The exception's message and its causes' (Kafka wraps the useful one, e.g. an unreadable trust store). */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            if (hook != null) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running.
        }
    }
}

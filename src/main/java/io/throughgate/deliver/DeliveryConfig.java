package io.throughgate.deliver;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the hub seals and writes deliveries. */
@ConfigMapping(prefix = "throughgate.delivery")
public interface DeliveryConfig {

    /** The hub's delivery signing certificate (PEM, leaf first); its key id goes in every message's headers. */
    @WithDefault("certs-dev/hub/signing.crt")
    String signingCertificate();

    /** The hub's delivery signing key (PEM, PKCS#8). */
    @WithDefault("certs-dev/hub/signing.key")
    String signingKey();

    /** Folder of recipients' encryption certificates, laid out as {@code agencies/<code>/<code>-encryption.crt}. */
    @WithDefault("certs-dev")
    String recipientCertificates();

    /** Writer threads, each with its own transactional producer, that group waiting records into transactions. */
    @WithDefault("2")
    int writers();

    /**
     * How long a record may wait for a writer: a writer fails a record whose wait passed before its transaction
     * begins, and nothing of it is written. A claim is taken for abandoned this plus 60 s after its record arrived
     * (decision record 0015).
     */
    @WithDefault("PT10S")
    java.time.Duration queueWait();

    /**
     * How long a request waits for its transaction to commit or fail. The writers give up on Kafka well within it;
     * if it passes anyway the hub answers 503 and keeps the record id claimed until the transaction has surely
     * ended.
     */
    @WithDefault("PT60S")
    java.time.Duration commitTimeout();
}

package io.throughgate.devcerts;

import java.nio.file.Path;

import io.throughgate.kafka.KafkaTls;

/**
 * The Kafka certificates of a development PKI folder ({@code certs-dev}, see its README): the broker's, the hub's
 * and each agency's, all trusting the development CA. DEVELOPMENT ONLY: their password is public.
 */
public final class DevelopmentKafkaTls {

    private DevelopmentKafkaTls() {
    }

    /** The in-process broker's certificate. */
    public static KafkaTls broker(Path certs) {
        PkiLayout layout = new PkiLayout(certs);
        return of(layout, layout.kafkaBroker());
    }

    /** The hub's Kafka client certificate. */
    public static KafkaTls hub(Path certs) {
        PkiLayout layout = new PkiLayout(certs);
        return of(layout, layout.kafkaHub());
    }

    /** An agency's client certificate, whose common name is its code and so its Kafka principal. */
    public static KafkaTls agency(Path certs, String code) {
        PkiLayout layout = new PkiLayout(certs);
        return of(layout, layout.agency(code));
    }

    private static KafkaTls of(PkiLayout layout, LeafFiles files) {
        return new KafkaTls(files.keyStore().orElseThrow(), DevelopmentCertificates.DEV_PASSWORD, layout
                .caCertificate());
    }
}

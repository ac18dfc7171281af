package io.throughgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.throughgate.pki.Pem;
import io.throughgate.subscriber.InboxMessageReader;

/** Partners' readers of their inboxes, with the development keys of certs-dev, as the subscribe command builds them. */
public final class Subscribers {

    private Subscribers() {
    }

    /** A reader for the agency's inbox, trusting the development hub signing certificate. */
    public static InboxMessageReader readerFor(String agency) {
        try {
            Path folder = TestClients.CERTS.resolve("agencies").resolve(agency);
            return new InboxMessageReader(agency, Pem.readCertificates(TestClients.CERTS.resolve("hub").resolve(
                    "signing.crt")).get(0), Pem.readPrivateKey(folder.resolve(agency + "-encryption.key")), Pem
                            .readCertificates(folder.resolve(agency + "-encryption.crt")).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

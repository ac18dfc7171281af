package io.throughgate.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;

class CertificateIdentitiesTest {

    private static final CertificateAuthority CA = DevelopmentCertificates.newAuthority("Identities Test CA",
            Duration.ofDays(30));

    @Test
    void sanUrisAreReturnedInCertificateOrder() {
        List<String> uris = List.of("urn:throughgate:agency:yot-camden", CertificateIdentities.DPO_ROLE_URI);

        List<String> read = CertificateIdentities.sanUris(DevelopmentCertificates.issueClientCertificate(CA, "dpo",
                uris, Instant.now(), Instant.now().plus(Duration.ofDays(1))).certificate());

        assertEquals(uris, read);
    }

    @Test
    void certificateWithoutSubjectAlternativeNamesHasNoUris() {
        assertEquals(List.of(), CertificateIdentities.sanUris(CA.certificate()));
    }
}

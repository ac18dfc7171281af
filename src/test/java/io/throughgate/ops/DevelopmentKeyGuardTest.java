package io.throughgate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.throughgate.pki.TrustedAuthorities;

class DevelopmentKeyGuardTest {

    @Test
    void productionRefusesTheDevelopmentCa() {
        Optional<String> refusal = DevelopmentKeyGuard.refusal(true, false, true, false);
        assertTrue(refusal.orElseThrow().startsWith("refusing to start: the production profile is configured with "
                + "the development CA from certs-dev/"), refusal.get());
    }

    @Test
    void productionRefusesTheDevelopmentServerKey() {
        assertTrue(DevelopmentKeyGuard.refusal(true, false, false, true).orElseThrow()
                .contains("the development server keys"));
    }

    @Test
    void productionStartsWhenTheOperatorExplicitlyAllowsDevelopmentKeys() {
        assertEquals(Optional.empty(), DevelopmentKeyGuard.refusal(true, true, true, true));
    }

    @Test
    void developmentProfilesStartWithDevelopmentKeys() {
        assertEquals(Optional.empty(), DevelopmentKeyGuard.refusal(false, false, true, true));
    }

    @Test
    void productionStartsWithItsOwnKeys() {
        assertEquals(Optional.empty(), DevelopmentKeyGuard.refusal(true, false, false, false));
    }

    @Test
    void recognisesTheShippedSharingLogKeyAsDevelopmentMaterial() {
        assertTrue(DevelopmentKeyGuard.isDevelopmentCertificate(Path.of("certs-dev/hub/sharing-log.crt")));
    }

    @Test
    void refusalNamesTheSharingLogKeySetting() {
        assertTrue(DevelopmentKeyGuard.refusal(true, false, false, true).orElseThrow()
                .contains("sharing-log signing key (throughgate.sharing-log.signing-*)"));
    }

    @Test
    void recognisesTheShippedKafkaBrokerKeyAsDevelopmentMaterial() {
        assertTrue(DevelopmentKeyGuard.isDevelopmentKeyStore(Path.of("certs-dev/hub/kafka-broker.p12"),
                "throughgate-dev"));
        assertFalse(DevelopmentKeyGuard.isDevelopmentKeyStore(Path.of("certs-dev/hub/kafka-broker.p12"), "wrong"));
    }

    @Test
    void refusalNamesTheKafkaBrokerSettings() {
        assertTrue(DevelopmentKeyGuard.refusal(true, false, false, true).orElseThrow()
                .contains("(throughgate.kafka.embedded.*)"));
    }

    @Test
    void unreadableCertificateIsNotDevelopmentMaterial() {
        assertFalse(DevelopmentKeyGuard.isDevelopmentCertificate(Path.of("certs-dev/hub/no-such.crt")));
    }

    @Test
    void recognisesTheShippedCaAsDevelopmentMaterial() {
        assertTrue(TrustedAuthorities.load(Path.of("certs-dev/ca/ca.crt")).includesDevelopmentAuthority());
    }
}

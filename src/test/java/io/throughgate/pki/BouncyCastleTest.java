package io.throughgate.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BouncyCastleTest {

    @Test
    void registerAddsBouncyCastleOnceAfterTheJdkProviders() throws Exception {
        BouncyCastle.register();
        BouncyCastle.register();

        List<String> names = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
        assertEquals(1, names.stream().filter(BouncyCastle.PROVIDER_NAME::equals).count(), names.toString());
        assertTrue(names.indexOf("SunEC") < names.indexOf(BouncyCastle.PROVIDER_NAME), names.toString());
        assertTrue(names.indexOf("SunJSSE") < names.indexOf(BouncyCastle.PROVIDER_NAME), names.toString());
        assertEquals("SunEC", KeyPairGenerator.getInstance("EC").getProvider().getName());
        assertEquals("SUN", KeyStore.getInstance("PKCS12").getProvider().getName());
    }
}

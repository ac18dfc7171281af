package io.throughgate.pki;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Registers the Bouncy Castle JCA provider once per JVM.
 */
public final class BouncyCastle {

    /** The name Bouncy Castle is registered under; pass it to {@code setProvider} to use it explicitly. */
    public static final String PROVIDER_NAME = BouncyCastleProvider.PROVIDER_NAME;

    private BouncyCastle() {
    }

    /**
     * Adds {@link BouncyCastleProvider} at the end of the provider list unless it is already registered. Safe to
     * call any number of times, from any thread.
     */
    public static synchronized void register() {
        // Provider order matters: an algorithm requested without a provider name is served by the first provider
        // that has it. The JDK's providers (SUN, SunEC, SunJSSE, SunJCE...) stay first, so TLS, KeyStore
        // ("PKCS12") and plain Signature/KeyPairGenerator calls keep using the JDK's implementations, which SunJSSE
        // is tested with. Bouncy Castle is appended last (addProvider, never insertProviderAt) and used only by
        // name ("BC") where we need it: CMS signatures and certificate building.
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}

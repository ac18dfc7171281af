package io.throughgate.pki;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Registers the Bouncy Castle JCA provider once per JVM.
 */
public final class BouncyCastle {

    /** The name Bouncy Castle is registered under. */
    public static final String PROVIDER_NAME = BouncyCastleProvider.PROVIDER_NAME;

    /**
     * This class loader's Bouncy Castle provider. The hub passes this instance wherever it wants Bouncy Castle,
     * rather than the name, so that it never depends on which provider of that name the JVM holds.
     */
    public static final java.security.Provider PROVIDER = new BouncyCastleProvider();

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
        java.security.Provider registered = Security.getProvider(PROVIDER_NAME);
        // A provider of another class loader (a test harness that ran an application in its own loader) is
        // replaced: its classes would not accept this loader's parameter objects.
        if (registered != null && registered.getClass() != BouncyCastleProvider.class) {
            Security.removeProvider(PROVIDER_NAME);
            registered = null;
        }
        if (registered == null) {
            Security.addProvider(PROVIDER);
        }
    }
}

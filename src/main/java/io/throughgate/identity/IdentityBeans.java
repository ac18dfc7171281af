package io.throughgate.identity;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pki.TrustedAuthorities;

/** Wires the identity checks from configuration. */
@Singleton
public class IdentityBeans {

    @Produces
    @Singleton
    TrustedAuthorities trustedAuthorities(IdentityConfig config) {
        return TrustedAuthorities.load(Path.of(config.trustedCertificates()));
    }

    // Application scoped (a lazy proxy): the REST filter that uses it is built before runtime configuration exists.
    @Produces
    @ApplicationScoped
    ClientCertificateAuthenticator authenticator(TrustedAuthorities authorities, AgencyDirectory directory,
            Clock clock, IdentityConfig config) {
        return new ClientCertificateAuthenticator(authorities, directory, clock, config.verificationCacheTime());
    }
}

package io.throughgate.identity;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pki.TrustedAuthorities;

/** Wires the identity checks from configuration. */
@Singleton
public class IdentityBeans {

    @Produces
    @Singleton
    TrustedAuthorities trustedAuthorities(IdentityConfig config) {
        return TrustedAuthorities.load(config.trustedCertificates().stream().map(Path::of).toList());
    }

    @Produces
    @Singleton
    RevocationRegistry revocations(ContractFiles contracts, IdentityConfig config, TrustedAuthorities authorities,
            AgencyDirectory directory, Clock clock) {
        return new RevocationRegistry(contracts, Path.of(config.crlDirectory()), authorities, directory, clock);
    }

    // Application scoped (a lazy proxy): the REST filter that uses it is built before runtime configuration exists.
    @Produces
    @ApplicationScoped
    ClientCertificateAuthenticator authenticator(TrustedAuthorities authorities, AgencyDirectory directory,
            RevocationRegistry revocations, Clock clock, IdentityConfig config) {
        return new ClientCertificateAuthenticator(authorities, directory, revocations::current, clock,
                config.verificationCacheTime());
    }
}

package io.throughgate.identity;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the hub decides who is calling. */
@ConfigMapping(prefix = "throughgate.identity")
public interface IdentityConfig {

    /**
     * PEM files of the CA certificates whose chains the hub accepts. Which agencies and roles each CA may vouch
     * for is pinned in the agency directory.
     */
    @WithDefault("certs-dev/ca/ca.crt,certs-dev/borough-ca/ca.crt")
    List<String> trustedCertificates();

    /** Folder of the CAs' certificate revocation lists ({@code *.crl}, PEM or DER), re-read when they change. */
    @WithDefault("certs-dev/crl")
    String crlDirectory();

    /** How often the agency directory, the deny list and the CRL files are compared with what is in force. */
    @WithDefault("PT30S")
    Duration reloadInterval();

    /**
     * Allow the development CA or development server key in the production profile. Only for trying the packaged
     * hub on a laptop; never set in a real deployment.
     */
    @WithDefault("false")
    boolean allowDevelopmentKeys();

    /**
     * How long a validated client certificate chain is remembered before its path is validated again. The
     * directory, pins and revocations are checked on every request whatever this says.
     */
    @WithDefault("PT5M")
    Duration verificationCacheTime();
}

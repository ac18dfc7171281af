package io.throughgate.sharinglog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the hub signs, checkpoints and keeps the sharing log. */
@ConfigMapping(prefix = "throughgate.sharing-log")
public interface SharingLogConfig {

    /** The sharing-log signing key (PEM, PKCS#8, Ed25519) that signs the log's checkpoints. */
    @WithDefault("certs-dev/hub/sharing-log.key")
    String signingKey();

    /** Its certificate (PEM); its public key is published at {@code /v1/sharing-log/public-key}. */
    @WithDefault("certs-dev/hub/sharing-log.crt")
    String signingCertificate();

    /** The log's name: the origin line of every checkpoint and the key name of its signature. */
    @WithDefault("throughgate/sharing-log")
    String origin();

    /** How often the hub signs a checkpoint when the log has grown since the last one. */
    @WithDefault("PT10S")
    Duration checkpointInterval();

    /** How long entries are kept in full before only their leaf hashes remain (six years). */
    @WithDefault("P2190D")
    Duration retention();

    /** How often the hub looks for entries past their retention. */
    @WithDefault("PT1H")
    Duration retentionCheckInterval();
}

package io.throughgate.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which replica of the hub this is. */
@ConfigMapping(prefix = "throughgate.node")
public interface NodeConfig {

    /**
     * The replica's id: unique among the replicas sharing a database and a broker, and the same across restarts of
     * the same replica (its Kafka transactional ids derive from it). On Kubernetes, the StatefulSet pod's name
     * ({@code throughgate-0}); unset, the host name.
     */
    Optional<String> id();

    /**
     * How long a replica's claim on its id lasts without renewal: a second hub started with an id whose claim is
     * younger than this (after waiting once for it to lapse) refuses to start.
     */
    @WithDefault("PT15S")
    java.time.Duration lease();
}

package io.throughgate.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much the hub takes on at once. */
@ConfigMapping(prefix = "throughgate.ingest")
public interface IngestConfig {

    /** Records worked on at once; a push beyond it is answered at once with 503 {@code hub-busy}. */
    @WithDefault("4096")
    int maxInFlight();

    /** Bytes of request bodies worked on at once; a push beyond it is answered at once with 503 {@code hub-busy}. */
    @WithDefault("64M")
    MemorySize maxBytesInFlight();
}

package io.throughgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the hub keeps its local state and reads its contracts. */
@ConfigMapping(prefix = "throughgate")
public interface HubConfig {

    /** Folder for the embedded Kafka broker's and database's files; kept across restarts. */
    @WithDefault("data")
    String dataDir();

    /** Folder of the contracts (agency directory, schemas, agreements); the packaged copy is used when absent. */
    @WithDefault("contracts")
    String contractsDir();
}

package io.throughgate.directory;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.throughgate.config.HubConfig;
import io.throughgate.contract.ContractFiles;

/** Loads the agency directory once, at start; a malformed directory stops start-up. */
@Singleton
public class AgencyDirectoryProducer {

    private static final Logger LOG = Logger.getLogger(AgencyDirectoryProducer.class);

    @Produces
    @Singleton
    ContractFiles contractFiles(HubConfig config) {
        return new ContractFiles(Path.of(config.contractsDir()));
    }

    @Produces
    @Singleton
    AgencyDirectory directory(ContractFiles contracts) {
        AgencyDirectory directory = AgencyDirectoryLoader.parse(contracts.read(AgencyDirectoryLoader.FILE));
        LOG.infof("agency directory: %d agencies from %s (sha256 %s)", directory.all().size(),
                contracts.describeSource(), directory.sha256());
        return directory;
    }
}

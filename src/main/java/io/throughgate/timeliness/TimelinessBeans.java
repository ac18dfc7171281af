package io.throughgate.timeliness;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;

/** Loads the timeliness milestones once; a malformed file stops start-up. */
@Singleton
public class TimelinessBeans {

    @Produces
    @Singleton
    TimelinessContract contract(ContractFiles contracts, RecordFieldCatalog fields, AgencyDirectory directory) {
        return TimelinessContract.parse(contracts.read(TimelinessContract.FILE), fields, directory);
    }
}

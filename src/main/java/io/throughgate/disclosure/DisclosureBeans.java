package io.throughgate.disclosure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.throughgate.contract.ContractFiles;

/** Loads the disclosure rules once; a malformed file stops start-up. */
@Singleton
public class DisclosureBeans {

    @Produces
    @Singleton
    DisclosureContract contract(ContractFiles contracts) {
        return DisclosureContract.parse(contracts.read(DisclosureContract.FILE));
    }
}

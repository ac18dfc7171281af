package io.throughgate.consent.policy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.throughgate.contract.ContractFiles;

/** Loads the who-may-consent rules once; a malformed policy stops start-up. */
@Singleton
public class ConsentPolicyProducer {

    @Produces
    @Singleton
    ConsentPolicy policy(ContractFiles contracts) {
        return ConsentPolicy.parse(contracts.read(ConsentPolicy.FILE));
    }
}

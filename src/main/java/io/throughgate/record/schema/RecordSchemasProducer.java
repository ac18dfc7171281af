package io.throughgate.record.schema;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.throughgate.contract.ContractFiles;
import io.throughgate.record.RecordType;

/** Loads and compiles the record schemas once, when first needed; a malformed schema stops start-up. */
@Singleton
public class RecordSchemasProducer {

    private static final Logger LOG = Logger.getLogger(RecordSchemasProducer.class);

    @Produces
    @Singleton
    RecordSchemas recordSchemas(ContractFiles contracts) {
        RecordSchemas schemas = RecordSchemas.load(contracts);
        LOG.infof("record schemas: %d record types from %s", RecordType.values().length, contracts.describeSource());
        return schemas;
    }
}

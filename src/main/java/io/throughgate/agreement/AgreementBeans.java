package io.throughgate.agreement;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pki.TrustedAuthorities;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.schema.RecordSchemas;

/** Wires the agreement loading from the contracts. */
@Singleton
public class AgreementBeans {

    @Produces
    @Singleton
    PurposeCatalog purposes(ContractFiles contracts) {
        return PurposeCatalog.parse(contracts.read(PurposeCatalog.FILE));
    }

    @Produces
    @Singleton
    RecordFieldCatalog recordFields(RecordSchemas schemas) {
        return new SchemaFieldCatalog(schemas);
    }

    @Produces
    @Singleton
    AgreementLoader loader(ContractFiles contracts, AgencyDirectory directory, PurposeCatalog purposes,
            RecordFieldCatalog fields, TrustedAuthorities authorities) {
        return new AgreementLoader(contracts, directory, new AgreementLinter(directory, purposes, fields),
                new SignatureVerifier(authorities, directory));
    }
}

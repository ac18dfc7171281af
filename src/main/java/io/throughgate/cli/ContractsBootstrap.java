package io.throughgate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.throughgate.agreement.AgreementLinter;
import io.throughgate.agreement.AgreementLoader;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.SchemaFieldCatalog;
import io.throughgate.agreement.SignatureVerifier;
import io.throughgate.consent.policy.ConsentPolicy;
import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.pki.TrustedAuthorities;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.schema.RecordSchemas;
import io.throughgate.timeliness.TimelinessContract;

/**
 * Loads every contract as the hub does at start (checking the consent policy too), for the command-line tools, which run without starting the hub.
 *
 * @param contracts the contract files
 * @param directory the agency directory
 * @param purposes the purposes
 * @param schemas the record schemas
 * @param agreements every agreement with its verdicts
 * @param timeliness the milestones of a child's resettlement
 * @param disclosure the small-number rules of the published tables
 */
public record ContractsBootstrap(ContractFiles contracts, AgencyDirectory directory, PurposeCatalog purposes,
        RecordSchemas schemas, List<AgreementState> agreements, TimelinessContract timeliness,
        DisclosureContract disclosure) {

    /**
     * Loads the contracts of a folder.
     *
     * @param folder the contracts folder
     * @param trustedCertificates the PEM files of the CAs that issue DPO certificates
     * @param clock the clock signatures are verified at
     * @throws io.throughgate.contract.InvalidContractException if the directory, purposes, a schema, the consent
     *         policy, the timeliness milestones or the disclosure rules are malformed
     */
    public static ContractsBootstrap load(Path folder, List<Path> trustedCertificates, Clock clock) {
        ContractFiles contracts = new ContractFiles(folder);
        AgencyDirectory directory = AgencyDirectoryLoader.parse(contracts.read(AgencyDirectoryLoader.FILE));
        PurposeCatalog purposes = PurposeCatalog.parse(contracts.read(PurposeCatalog.FILE));
        RecordSchemas schemas = RecordSchemas.load(contracts);
        ConsentPolicy.parse(contracts.read(ConsentPolicy.FILE));
        SchemaFieldCatalog fields = new SchemaFieldCatalog(schemas);
        TimelinessContract timeliness = TimelinessContract.parse(contracts.read(TimelinessContract.FILE), fields,
                directory);
        DisclosureContract disclosure = DisclosureContract.parse(contracts.read(DisclosureContract.FILE));
        AgreementLoader loader = new AgreementLoader(contracts, directory,
                new AgreementLinter(directory, purposes, fields),
                new SignatureVerifier(TrustedAuthorities.load(trustedCertificates), directory));
        return new ContractsBootstrap(contracts, directory, purposes, schemas, loader.loadAll(clock.instant()),
                timeliness, disclosure);
    }
}

package io.throughgate.timeliness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.throughgate.agreement.SchemaFieldCatalog;
import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.record.schema.RecordSchemas;

/** The shipped contracts, read as the hub reads them, for the timeliness tests. */
public final class TimelinessContracts {

    static final ContractFiles CONTRACTS = new ContractFiles(Path.of("contracts"));
    static final SchemaFieldCatalog FIELDS = new SchemaFieldCatalog(RecordSchemas.load(CONTRACTS));
    static final AgencyDirectory DIRECTORY = AgencyDirectoryLoader.parse(CONTRACTS.read(AgencyDirectoryLoader.FILE));

    private TimelinessContracts() {
    }

    /** The shipped {@code contracts/timeliness.yaml}. */
    public static TimelinessContract shipped() {
        return TimelinessContract.parse(CONTRACTS.read(TimelinessContract.FILE), FIELDS, DIRECTORY);
    }

    /** A contract from text. */
    static TimelinessContract parse(String yaml) {
        return TimelinessContract.parse(yaml.getBytes(StandardCharsets.UTF_8), FIELDS, DIRECTORY);
    }
}

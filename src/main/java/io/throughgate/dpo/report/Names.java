package io.throughgate.dpo.report;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.Purpose;
import io.throughgate.purpose.PurposeCatalog;

/** Names of agencies and purposes for readers: the directory's display names and the catalogue's titles. */
final class Names {

    private static final String NOT_RECORDED = "not recorded";

    private final AgencyDirectory directory;
    private final PurposeCatalog purposes;

    Names(AgencyDirectory directory, PurposeCatalog purposes) {
        this.directory = directory;
        this.purposes = purposes;
    }

    /** The agency's display name, or its code when the directory does not know it. */
    String agency(String code) {
        return code == null ? NOT_RECORDED : directory.find(code).map(Agency::displayName).orElse(code);
    }

    /** The purpose's title, or its id when the catalogue does not know it. */
    String purpose(String id) {
        return id == null ? NOT_RECORDED : purposes.find(id).map(Purpose::title).orElse(id);
    }
}

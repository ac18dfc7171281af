package io.throughgate.devcerts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a generation run did.
 *
 * @param folder the development PKI folder
 * @param newAuthority whether the run created a new CA (and so reissued every certificate)
 * @param issued one line per certificate issued: its certificate file relative to the folder, a colon and why
 *        (e.g. {@code agencies/yot-camden/yot-camden.crt: missing})
 * @param kept how many end-entity certificates were present and sound, and left untouched
 * @param written every file the run wrote; empty when the folder was already complete
 */
public record GenerationSummary(Path folder, boolean newAuthority, List<String> issued, int kept,
        List<Path> written) {

    public GenerationSummary {
        Objects.requireNonNull(folder, "folder");
        issued = List.copyOf(issued);
        written = List.copyOf(written);
    }

    /** One line for the operator, e.g. "certs-dev: CA kept; 2 certificates issued, 131 kept, 6 files written". */
    public String describe() {
        return folder + ": CA " + (newAuthority ? "created" : "kept") + "; " + issued.size()
                + (issued.size() == 1 ? " certificate" : " certificates") + " issued, " + kept + " kept, "
                + written.size() + (written.size() == 1 ? " file" : " files") + " written";
    }
}

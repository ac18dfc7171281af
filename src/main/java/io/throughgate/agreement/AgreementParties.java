package io.throughgate.agreement;

import java.util.Set;
import java.util.TreeSet;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;

/** Expands an agreement's parties against the directory. */
public final class AgreementParties {

    private AgreementParties() {
    }

    /**
     * The codes of the agencies party to an agreement: those its parties name, by kind or code, that are in force
     * on at least one day of the agreement's validity. Each must sign for the agreement to be in force.
     */
    public static Set<String> of(Agreement agreement, AgencyDirectory directory) {
        Set<String> parties = new TreeSet<>();
        for (Agency agency : directory.all()) {
            boolean overlaps = !agency.validFrom().isAfter(agreement.validUntil())
                    && agency.validUntil().map(last -> !last.isBefore(agreement.validFrom())).orElse(true);
            if (overlaps && agreement.parties().includes(agency)) {
                parties.add(agency.code());
            }
        }
        return parties;
    }
}

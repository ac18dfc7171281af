package io.throughgate.purpose;

import java.util.Objects;

/**
 * A purpose for which agencies share, from {@code contracts/purposes.yaml}.
 *
 * @param id the purpose's id, e.g. {@code health-information-sharing}
 * @param title what it is, in words
 * @param dpvTerm the W3C Data Privacy Vocabulary purpose, e.g. {@code dpv:ServiceProvision}
 * @param consentable whether consent decisions can be recorded for it and agreement rules may ask for them
 */
public record Purpose(String id, String title, String dpvTerm, boolean consentable) {

    public Purpose {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dpvTerm, "dpvTerm");
    }
}

package io.throughgate.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Caller;

/** Builds the frame of the current request's page from the DPO's certificate. */
@RequestScoped
public class ConsolePages {

    @Inject
    Caller caller;

    @Inject
    CsrfToken csrf;

    /** A page of a section of the console, for the DPO making the request. */
    public ConsolePage page(String title, String section) {
        AgencyIdentity dpo = caller.identity();
        return new ConsolePage(title, section, dpo.agency().displayName(), dpo.agency().code(), dpo
                .isPartnershipDpo(), csrf.value());
    }

    /** A page without navigation or forms, for anyone: what the console says when it refuses. */
    ConsolePage bare(String title) {
        return new ConsolePage(title, "", null, "", false, "");
    }
}

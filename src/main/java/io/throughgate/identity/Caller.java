package io.throughgate.identity;

import jakarta.enterprise.context.RequestScoped;

/** The identity of the agency making the current API request, set by {@link AgencyAuthenticationFilter}. */
@RequestScoped
public class Caller {

    private AgencyIdentity identity;

    /**
     * The caller's identity.
     *
     * @throws IllegalStateException if the request was not authenticated (a resource outside {@code /v1})
     */
    public AgencyIdentity identity() {
        if (identity == null) {
            throw new IllegalStateException("the request was not authenticated");
        }
        return identity;
    }

    void authenticatedAs(AgencyIdentity identity) {
        this.identity = identity;
    }
}

package io.throughgate.consent;

/** Whether a consent decision permits or refuses sharing (FHIR R4 Consent.provision.type). */
public enum Provision {
    PERMIT,
    DENY
}

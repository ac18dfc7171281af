package io.throughgate.consent.api;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.Provision;

/**
 * A consent decision as a partner submits it, checked field by field.
 *
 * @param subject the child's identifiers, date of birth and whether looked after
 * @param dateOfBirth the child's date of birth
 * @param lookedAfter whether the child is looked after by a local authority
 * @param purpose the purpose
 * @param scope what it covers
 * @param provision permit or deny
 * @param validFrom the first day
 * @param validUntil the last day, if any
 * @param decidedBy who decided
 * @param evidenceReference where the recording agency keeps the evidence
 */
record ConsentRequest(JsonNode subject, LocalDate dateOfBirth, boolean lookedAfter, String purpose,
        ConsentScope scope, Provision provision, LocalDate validFrom, Optional<LocalDate> validUntil,
        Decider decidedBy, String evidenceReference) {
}

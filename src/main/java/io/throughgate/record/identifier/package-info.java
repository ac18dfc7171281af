/**
 * Check-character and format rules of the identifiers that name a child across agencies: NHS number, Police
 * National Computer (PNC) ID, Criminal Records Office (CRO) number, Unique Pupil Number (UPN), NOMIS prison number
 * and probation case reference number (CRN). The hub checks identifiers before it pseudonymises them, so that a
 * mistyped number is refused at the door instead of producing a pseudonym that links to no one.
 *
 * <p>
 * Every rule is a pure function of the text: no I/O, no state, safe from any thread. The rules accept only the
 * canonical written form (no spaces inside an NHS number, upper-case letters); normalising input is the sender's job.
 */
package io.throughgate.record.identifier;

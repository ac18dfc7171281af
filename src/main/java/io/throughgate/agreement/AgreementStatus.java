package io.throughgate.agreement;

/** Whether an agreement is enforced, and if not, the first reason why. */
public enum AgreementStatus {
    /** Every party's DPO has signed these exact bytes and today is within its validity: it is enforced. */
    IN_FORCE,
    /** The file cannot be read or breaks the contract rules: not enforced. */
    INVALID,
    /** A signature does not verify, is not the party's DPO's, or is not from a trusted CA: not enforced. */
    SIGNATURE_INVALID,
    /** No party has signed: not enforced. */
    UNSIGNED,
    /** Some parties have not signed: not enforced. */
    PARTLY_SIGNED,
    /** Signed, but its first day has not come: not enforced yet. */
    NOT_YET_VALID,
    /** Signed, but its last day has passed: no longer enforced. */
    EXPIRED,
    /** Signed, but a later version signed by every party has taken its place: no longer enforced. */
    SUPERSEDED
}

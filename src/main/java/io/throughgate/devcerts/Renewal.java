package io.throughgate.devcerts;

/**
 * What a generation run reissues besides what is missing or due.
 */
public enum Renewal {
    /**
     * Keep everything present and sound; issue only what is missing, unreadable, expiring within 90 days, not issued
     * by the current CA, or naming other identities than the directory says.
     */
    IF_NEEDED,
    /** Reissue every end-entity certificate; keep the CA ({@code --renew}). */
    LEAVES,
    /** Replace the CA, then reissue every certificate ({@code --new-ca}). */
    EVERYTHING
}

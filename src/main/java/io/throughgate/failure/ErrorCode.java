package io.throughgate.failure;

/**
 * Every way a request to the hub can fail, with the HTTP status it maps to. One list, so partners can rely on
 * the codes and the mapper at the HTTP edge stays a table lookup.
 */
public enum ErrorCode {

    NO_CLIENT_CERTIFICATE(401, "No client certificate"),
    UNTRUSTED_CERTIFICATE(401, "Client certificate not trusted"),
    CERTIFICATE_EXPIRED(401, "Client certificate expired or not yet valid"),
    CERTIFICATE_REVOKED(401, "Client certificate revoked"),
    CERTIFICATE_NOT_FOR_CLIENTS(401, "Certificate not for TLS client authentication"),
    ISSUER_NOT_PINNED(403, "Certificate authority not pinned for this agency"),
    ISSUER_NOT_GRANTED(403, "Certificate authority may not grant this role or identity"),
    CERTIFICATE_WITHOUT_AGENCY(403, "Client certificate names no agency"),
    UNKNOWN_AGENCY(403, "Agency not in the directory"),
    AGENCY_NOT_IN_FORCE(403, "Agency not in force"),
    CONSENT_RECORDING_NOT_ALLOWED(403, "Agency may not record consent"),
    NOT_YOUR_RECORD(403, "Not your agency's record"),
    CONSENT_NOT_YOURS(403, "Not a consent decision your agency may change"),
    DPO_ONLY(403, "Data protection officers only"),
    DPO_OR_PARTNERSHIP_ONLY(403, "Data protection officers and the partnership only"),
    EVALUATION_READERS_ONLY(403, "Data protection officers, the partnership and its evaluators only"),
    NO_AGREEMENT_FOR_EXTRACT(403, "No agreement sends the evaluation's extract to this agency"),
    FORM_NOT_FROM_CONSOLE(403, "Form did not come from the console"),
    CROSS_SITE_REQUEST(403, "Request made by another site"),
    SENDER_MISMATCH(403, "Sender is not the certificate's agency"),
    NO_AGREEMENT(403, "No agreement lets this sender send this record"),
    NOT_FOUND(404, "Not found"),
    AGREEMENT_NOT_FOUND(404, "Agreement not found"),
    CONSENT_NOT_FOUND(404, "Consent decision not found"),
    ENTRY_NOT_FOUND(404, "Sharing-log entry not found"),
    NO_CHECKPOINT(404, "No signed checkpoint yet"),
    NOT_YET_PUBLISHED(404, "Not yet published"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONSENT_ALREADY_WITHDRAWN(409, "Consent decision already withdrawn"),
    RECORD_ID_CONFLICT(409, "Record id already used with other content"),
    RECORD_IN_PROGRESS(409, "Record is being delivered"),
    RECORD_TOO_LARGE(413, "Record too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    BAD_REQUEST(400, "Bad request"),
    INVALID_REQUEST(400, "Invalid request"),
    INVALID_AGREEMENT_DRAFT(400, "Invalid agreement draft"),
    INVALID_RECORD(400, "Invalid record"),
    VALUES_IN_ADDRESS(400, "A console address carries no values"),
    MALFORMED_RECORD(400, "Malformed record"),
    CONSENT_NOT_ALLOWED(422, "Consent decision not allowed"),
    INTERNAL_ERROR(500, "Internal error"),
    HUB_BUSY(503, "Hub busy"),
    EXCHANGE_UNAVAILABLE(503, "Exchange unavailable"),
    DATABASE_UNAVAILABLE(503, "Database unavailable"),
    SHARING_LOG_UNAVAILABLE(503, "Sharing log unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status the code is answered with. */
    public int status() {
        return status;
    }

    /** A short, fixed, human summary of the code (RFC 9457 {@code title}). */
    public String title() {
        return title;
    }

    /** The code as partners see it, e.g. {@code unknown-agency}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}

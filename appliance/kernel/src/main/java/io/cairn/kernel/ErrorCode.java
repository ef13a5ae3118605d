package io.cairn.kernel;

/**
 * The one catalogue of Cairn error codes.
 *
 * <p>Every error a user can see, over HTTP or on the command line, carries one of these codes.
 * A code is {@code CAIRN-<AREA>-<NNNN>}; once published it keeps its meaning and HTTP status forever.
 * New codes are appended within their area; codes are never renumbered or reused.
 * {@code docs/errors.md} is generated from this enum and a test fails when it is stale.
 */
public enum ErrorCode {
    // --- API: request shape -------------------------------------------------------------------
    /** The body is not well-formed JSON. */
    API_MALFORMED_JSON("CAIRN-API-0001", 400, "Malformed JSON"),
    /** The body names a field the resource does not have. */
    API_UNKNOWN_FIELD("CAIRN-API-0002", 400, "Unknown field"),
    /** A field holds a value of the wrong JSON type. */
    API_WRONG_TYPE("CAIRN-API-0003", 422, "Wrong type"),
    /** A field is missing or its value breaks a rule. */
    API_INVALID_FIELD("CAIRN-API-0004", 422, "Invalid field"),
    /** The body exceeds the configured size limit. */
    API_BODY_TOO_LARGE("CAIRN-API-0005", 413, "Request body too large"),
    /** The request's Content-Type is not one the endpoint accepts. */
    API_UNSUPPORTED_MEDIA_TYPE("CAIRN-API-0006", 415, "Unsupported media type"),
    /** No route answers this path. */
    API_ROUTE_NOT_FOUND("CAIRN-API-0007", 404, "No such endpoint"),
    /** The path exists but not with this method. */
    API_METHOD_NOT_ALLOWED("CAIRN-API-0008", 405, "Method not allowed"),
    /** The addressed resource does not exist. */
    API_RESOURCE_NOT_FOUND("CAIRN-API-0009", 404, "Resource not found"),
    /** The request conflicts with the current state of the resource. */
    API_CONFLICT("CAIRN-API-0010", 409, "Conflict"),
    /** A query parameter is missing or invalid. */
    API_INVALID_PARAMETER("CAIRN-API-0011", 400, "Invalid parameter"),
    /** The same idempotency key was used for a different request. */
    API_IDEMPOTENCY_MISMATCH("CAIRN-API-0012", 422, "Idempotency key reused for a different request"),

    // --- AUTH: identity and access -------------------------------------------------------------
    /** No credentials were presented. */
    AUTH_MISSING_CREDENTIALS("CAIRN-AUTH-0001", 401, "Authentication required"),
    /** The token is unknown, malformed, expired or revoked. */
    AUTH_INVALID_TOKEN("CAIRN-AUTH-0002", 401, "Invalid credentials"),
    /** The caller is authenticated but its roles do not allow this endpoint. */
    AUTH_FORBIDDEN("CAIRN-AUTH-0003", 403, "Forbidden"),
    /** The client certificate is valid but not bound to any user. */
    AUTH_UNKNOWN_CLIENT_CERTIFICATE("CAIRN-AUTH-0004", 401, "Client certificate not recognised"),
    /** The user is disabled. */
    AUTH_USER_DISABLED("CAIRN-AUTH-0005", 401, "User disabled"),
    /** The token's scopes do not cover this endpoint. */
    AUTH_SCOPE_INSUFFICIENT("CAIRN-AUTH-0006", 403, "Token scope insufficient"),
    /** The action would leave the appliance without an active administrator. */
    AUTH_LAST_ADMINISTRATOR("CAIRN-AUTH-0007", 409, "Last administrator"),

    // --- STORE: database -------------------------------------------------------------------------
    /** The database cannot be reached; the request was not carried out. */
    STORE_UNAVAILABLE("CAIRN-STORE-0001", 503, "Database unavailable"),
    /** A schema migration failed at startup. */
    STORE_MIGRATION_FAILED("CAIRN-STORE-0002", 500, "Database migration failed"),
    /** The data directory is in use by another Cairn process. */
    STORE_DATA_DIRECTORY_LOCKED("CAIRN-STORE-0003", 500, "Data directory in use"),

    // --- CONF: configuration ---------------------------------------------------------------------
    /** The configuration file names a key Cairn does not know. */
    CONF_UNKNOWN_KEY("CAIRN-CONF-0001", 400, "Unknown configuration key"),
    /** A configuration value does not fit its key's type or range. */
    CONF_INVALID_VALUE("CAIRN-CONF-0002", 400, "Invalid configuration value"),
    /** The configuration file cannot be read or parsed. */
    CONF_UNREADABLE("CAIRN-CONF-0003", 400, "Configuration file unreadable"),
    /** Two settings contradict each other or a required one is missing. */
    CONF_INCONSISTENT("CAIRN-CONF-0004", 400, "Inconsistent configuration"),

    // --- SIGN: key custody and signing (hsm-signing) --------------------------------------------

    // --- JOURNAL: audit journal and proofs (compliance-audit) -----------------------------------

    // --- LEDGER: connectors and anchoring (connectors) ------------------------------------------

    // --- SYS: everything else --------------------------------------------------------------------
    /** An unexpected failure; details are in the server log under the request id. */
    SYS_INTERNAL("CAIRN-SYS-0001", 500, "Internal error"),
    /** The appliance is starting or shutting down. */
    SYS_NOT_READY("CAIRN-SYS-0002", 503, "Not ready");

    private final String code;
    private final int httpStatus;
    private final String title;

    ErrorCode(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The stable code, e.g. {@code CAIRN-AUTH-0001}. */
    public String code() {
        return code;
    }

    /** The HTTP status that always accompanies this code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** A short, human title that does not change between occurrences. */
    public String title() {
        return title;
    }

    /** The area part of the code, e.g. {@code AUTH}. */
    public String area() {
        return code.substring("CAIRN-".length(), code.lastIndexOf('-'));
    }
}

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
    /** The key custody backend (HSM, token, key store) cannot be used now; nothing was signed. */
    SIGN_CUSTODY_UNAVAILABLE("CAIRN-SIGN-0001", 503, "Key custody unavailable"),
    /** No key with this handle exists in the backend. */
    SIGN_KEY_NOT_FOUND("CAIRN-SIGN-0002", 404, "Key not found"),
    /** The backend cannot create or use keys on this curve. */
    SIGN_CURVE_NOT_SUPPORTED("CAIRN-SIGN-0003", 422, "Curve not supported by key custody backend"),
    /** The key was destroyed; it can no longer sign. */
    SIGN_KEY_DESTROYED("CAIRN-SIGN-0004", 409, "Key destroyed"),
    /** The key is disabled; it can no longer sign until enabled again. */
    SIGN_KEY_DISABLED("CAIRN-SIGN-0005", 409, "Key disabled"),
    /** The backend failed to produce a signature; nothing was signed. */
    SIGN_SIGNATURE_FAILED("CAIRN-SIGN-0006", 500, "Signature failed"),
    /** The signing input or key specification does not fit the key (digest length, input kind, label). */
    SIGN_INVALID_INPUT("CAIRN-SIGN-0007", 422, "Invalid signing input"),
    /** Importing existing private keys is switched off by configuration. */
    SIGN_IMPORT_NOT_ALLOWED("CAIRN-SIGN-0008", 403, "Key import not allowed"),
    /** A stored key could not be unsealed: wrong master key or tampered record. */
    SIGN_SEALED_KEY_UNREADABLE("CAIRN-SIGN-0009", 500, "Sealed key unreadable"),
    /** The key's signing policy does not allow this request (purpose, ledger, contract, value). */
    SIGN_POLICY_DENIED("CAIRN-SIGN-0010", 403, "Signing policy denied the request"),
    /** The key already signed a different payload with this Ethereum nonce on this chain. */
    SIGN_NONCE_REUSED("CAIRN-SIGN-0011", 409, "Nonce already used for a different payload"),
    /** The key's per-minute signing rate limit is exhausted. */
    SIGN_RATE_LIMITED("CAIRN-SIGN-0012", 429, "Signing rate limit exceeded"),
    /** The caller may not approve or reject this request (own request, missing role, already decided). */
    SIGN_APPROVAL_NOT_ALLOWED("CAIRN-SIGN-0013", 403, "Approval not allowed"),
    /** The signing request is no longer pending (already signed, rejected or expired). */
    SIGN_REQUEST_NOT_PENDING("CAIRN-SIGN-0014", 409, "Signing request not pending"),
    /** The audit journal could not record the signature or ceremony; nothing was released. */
    SIGN_AUDIT_UNAVAILABLE("CAIRN-SIGN-0015", 503, "Audit record unavailable"),
    /** A payload, message or typed-data document handed in for signing is larger than its format allows. */
    SIGN_INPUT_TOO_LARGE("CAIRN-SIGN-0016", 413, "Signing input too large"),

    // --- JOURNAL: audit journal and proofs (compliance-audit) -----------------------------------
    /** A proof file cannot be read: missing, not a regular file, unreadable or over the size limit. */
    JOURNAL_PROOF_FILE_UNREADABLE("CAIRN-JOURNAL-0001", 400, "Proof file unreadable"),
    /** A proof file is not the documented JSON: syntax, field types, unknown fields, bad hashes. */
    JOURNAL_PROOF_FILE_MALFORMED("CAIRN-JOURNAL-0002", 400, "Proof file malformed"),
    /** A well-formed inclusion or consistency proof does not verify. */
    JOURNAL_PROOF_INVALID("CAIRN-JOURNAL-0003", 422, "Proof does not verify"),
    /** An idempotency key was used again with a different event; the first event keeps the key. */
    JOURNAL_IDEMPOTENCY_CONFLICT("CAIRN-JOURNAL-0004", 409, "Idempotency key already used for a different event"),
    /** The journal is not accepting appends (stopped or shutting down); nothing was recorded. */
    JOURNAL_UNAVAILABLE("CAIRN-JOURNAL-0005", 503, "Journal unavailable"),
    /** The stored journal does not extend the previous checkpoint; no new checkpoint was stored. */
    JOURNAL_CHECKPOINT_INCONSISTENT("CAIRN-JOURNAL-0006", 500, "Journal inconsistent with its last checkpoint"),
    /** An audit event breaks the journal's rules (type syntax, attribute names, size limits). */
    JOURNAL_EVENT_INVALID("CAIRN-JOURNAL-0007", 422, "Invalid audit event"),
    // Evidence bundles (compliance-audit/evidence)
    /** An evidence export would hold more journal entries than {@code evidence.max-entries} allows. */
    EVIDENCE_SCOPE_TOO_LARGE("CAIRN-EVIDENCE-0001", 413, "Evidence scope too large"),
    /** Part of an evidence scope is not yet covered by a signed journal checkpoint; retry after the next one. */
    EVIDENCE_NOT_CHECKPOINTED("CAIRN-EVIDENCE-0002", 409, "Evidence scope not yet checkpointed"),
    /** An evidence bundle cannot be read as a bundle: not a zip, or no readable, well-formed manifest. */
    EVIDENCE_BUNDLE_UNREADABLE("CAIRN-EVIDENCE-0003", 400, "Evidence bundle unreadable"),
    /** An evidence bundle was read but does not verify; the report names every failing file and item. */
    EVIDENCE_BUNDLE_INVALID("CAIRN-EVIDENCE-0004", 422, "Evidence bundle does not verify"),

    // JOURNAL 01xx: applications, messages and verification blocks (compliance-audit/verification-blocks)
    /** No application with this id is defined. */
    JOURNAL_APPLICATION_NOT_FOUND("CAIRN-JOURNAL-0101", 404, "Application not found"),
    /** An application with this id already exists with another definition; definitions are immutable. */
    JOURNAL_APPLICATION_EXISTS("CAIRN-JOURNAL-0102", 409, "Application already defined"),
    /** The application's message schema is not a valid JSON Schema (draft 2020-12) or is too large. */
    JOURNAL_MESSAGE_SCHEMA_INVALID("CAIRN-JOURNAL-0103", 422, "Invalid message schema"),
    /** The message payload is not base64 of UTF-8 JSON without duplicate keys. */
    JOURNAL_PAYLOAD_MALFORMED("CAIRN-JOURNAL-0104", 422, "Malformed message payload"),
    /** The decoded message payload exceeds 256 KiB. */
    JOURNAL_PAYLOAD_TOO_LARGE("CAIRN-JOURNAL-0105", 413, "Message payload too large"),
    /** The message payload does not satisfy the application's message schema. */
    JOURNAL_PAYLOAD_SCHEMA_VIOLATION("CAIRN-JOURNAL-0106", 422, "Message payload violates the schema"),
    /** The sender is not a known consortium member. */
    JOURNAL_SENDER_UNKNOWN("CAIRN-JOURNAL-0107", 403, "Unknown sender"),
    /** The sender is known but not active (suspended, removed or not yet admitted). */
    JOURNAL_SENDER_INACTIVE("CAIRN-JOURNAL-0108", 403, "Sender not active"),
    /** The source signature is malformed or was not made by one of the sender's registered addresses. */
    JOURNAL_SOURCE_SIGNATURE_INVALID("CAIRN-JOURNAL-0109", 403, "Invalid source signature"),
    /** No message with this id was accepted for the application. */
    JOURNAL_MESSAGE_NOT_FOUND("CAIRN-JOURNAL-0110", 404, "Message not found"),
    /** The message is accepted but not yet sealed into a verification block; retry after the block interval. */
    JOURNAL_MESSAGE_NOT_SEALED("CAIRN-JOURNAL-0111", 409, "Message not yet in a verification block"),
    /** The application has no verification block with this sequence number. */
    JOURNAL_BLOCK_NOT_FOUND("CAIRN-JOURNAL-0112", 404, "Verification block not found"),
    /** The anchor state change does not follow the block's current state for that ledger. */
    JOURNAL_ANCHOR_TRANSITION_INVALID("CAIRN-JOURNAL-0113", 409, "Invalid anchor state change"),
    /** A stored payload cannot be decrypted: wrong payload encryption key or tampered row. */
    JOURNAL_PAYLOAD_UNREADABLE("CAIRN-JOURNAL-0114", 500, "Stored payload unreadable"),

    // --- LEDGER: connectors and anchoring (connectors) ------------------------------------------
    /** The ledger node cannot be reached or did not answer in time. */
    LEDGER_UNREACHABLE("CAIRN-LEDGER-0001", 503, "Ledger unreachable"),
    /** The node refused the anchor transaction, or it was included but reverted. */
    LEDGER_ANCHOR_REJECTED("CAIRN-LEDGER-0002", 502, "Anchor rejected by the ledger"),
    /** The ledger does not know the transaction. */
    LEDGER_TX_NOT_FOUND("CAIRN-LEDGER-0003", 404, "Ledger transaction not found"),
    /** The transaction was accepted but not included in a block within the configured time. */
    LEDGER_CONFIRMATION_TIMEOUT("CAIRN-LEDGER-0004", 504, "Ledger confirmation timed out"),
    /** The node answered with something the connector cannot interpret. */
    LEDGER_INVALID_RESPONSE("CAIRN-LEDGER-0005", 502, "Invalid ledger response"),
    /** The node is not the configured ledger (chain id, contract code or network differ). */
    LEDGER_IDENTITY_MISMATCH("CAIRN-LEDGER-0006", 409, "Ledger is not the configured one"),
    /** The block of a subscription's checkpoint is no longer canonical. */
    LEDGER_REORG_DETECTED("CAIRN-LEDGER-0007", 409, "Ledger reorganisation detected"),
    /** Key custody refused to sign or returned a signature that does not verify. */
    LEDGER_SIGNING_FAILED("CAIRN-LEDGER-0008", 502, "Ledger transaction signing failed"),
    /** The ledger configuration is incomplete or contradictory. */
    LEDGER_INVALID_CONFIGURATION("CAIRN-LEDGER-0009", 422, "Invalid ledger configuration"),
    /** The node rejected an administrative call (validator vote, allowlist change). */
    LEDGER_ADMIN_CALL_FAILED("CAIRN-LEDGER-0010", 502, "Ledger administration call failed"),
    /** The connector does not support this operation on this ledger. */
    LEDGER_UNSUPPORTED_OPERATION("CAIRN-LEDGER-0011", 501, "Operation not supported by this ledger"),
    // LEDGER 002x: ledger registry and anchoring pipeline (connectors/anchoring)
    /** No ledger is registered under this name. */
    LEDGER_NOT_FOUND("CAIRN-LEDGER-0020", 404, "Ledger not found"),
    /** A ledger with this name is already registered. */
    LEDGER_ALREADY_REGISTERED("CAIRN-LEDGER-0021", 409, "Ledger already registered"),
    /** The connectivity check before registration failed: unreachable node, wrong chain id, missing contract. */
    LEDGER_CONNECTIVITY_FAILED("CAIRN-LEDGER-0022", 422, "Ledger connectivity check failed"),
    /** This ledger type has no connector on this appliance. */
    LEDGER_TYPE_UNAVAILABLE("CAIRN-LEDGER-0023", 422, "Ledger type not available on this appliance"),
    /** The ledger still has anchors queued or awaiting finality. */
    LEDGER_IN_USE("CAIRN-LEDGER-0024", 409, "Ledger has open anchoring jobs"),

    // --- MEMBER: consortium membership, onboarding and governance (consortium-admin) -------------
    /** The LEI is not 20 upper-case alphanumerics with valid ISO 7064 MOD 97-10 check digits. */
    MEMBER_INVALID_LEI("CAIRN-MEMBER-0001", 422, "Invalid LEI"),
    /** The jurisdiction is not an officially assigned ISO 3166-1 alpha-2 code. */
    MEMBER_UNKNOWN_JURISDICTION("CAIRN-MEMBER-0002", 422, "Unknown jurisdiction"),
    /** The certificate signing request is not a PEM PKCS#10 request with a valid self-signature. */
    MEMBER_MALFORMED_CSR("CAIRN-MEMBER-0003", 422, "Malformed certificate signing request"),
    /** A ledger identity (Ethereum account, enode URL, Fabric MSP, Corda name) is malformed. */
    MEMBER_INVALID_LEDGER_IDENTITY("CAIRN-MEMBER-0004", 422, "Invalid ledger identity"),
    /** A contact's name, e-mail address or phone number is malformed. */
    MEMBER_INVALID_CONTACT("CAIRN-MEMBER-0005", 422, "Invalid contact"),
    /** An organisation with this LEI is already a member or an applicant. */
    MEMBER_ALREADY_REGISTERED("CAIRN-MEMBER-0006", 409, "Organisation already registered"),
    /** The caller is not a designated representative of an organisation that may vote. */
    MEMBER_NOT_A_REPRESENTATIVE("CAIRN-MEMBER-0007", 403, "Not a representative"),
    /** The voting window of the proposal is closed; no vote or change is accepted. */
    MEMBER_VOTING_CLOSED("CAIRN-MEMBER-0008", 409, "Voting closed"),
    /** Separation of duties: the caller asked for, opened, or is concerned by this proposal. */
    MEMBER_SELF_APPROVAL("CAIRN-MEMBER-0009", 403, "Self-approval refused"),
    /** The caller's organisation is not in the proposal's electorate (not active when it opened, or no longer active). */
    MEMBER_NOT_ELIGIBLE("CAIRN-MEMBER-0010", 403, "Organisation not eligible to vote"),
    /** The ballot changed since the revision the caller expected (another representative voted first). */
    MEMBER_BALLOT_CONFLICT("CAIRN-MEMBER-0011", 409, "Ballot already cast or changed"),
    /** The due-diligence checklist still has open items. */
    MEMBER_CHECKLIST_INCOMPLETE("CAIRN-MEMBER-0012", 409, "Due-diligence checklist incomplete"),
    /** The application or proposal is not in a state that allows this action. */
    MEMBER_WRONG_STATE("CAIRN-MEMBER-0013", 409, "Not allowed in the current state"),
    /** A governance policy value breaks a rule (quorum, voting window, decision rule). */
    MEMBER_INVALID_POLICY("CAIRN-MEMBER-0014", 422, "Invalid governance policy"),
    /** Founding members can only be created before the first proposal is opened. */
    MEMBER_FOUNDING_CLOSED("CAIRN-MEMBER-0015", 409, "Consortium already founded"),
    /** The user cannot be designated: unknown, disabled, lacks the member role, or represents another organisation. */
    MEMBER_INVALID_REPRESENTATIVE("CAIRN-MEMBER-0016", 422, "Invalid representative"),
    /** Members vote on this proposal but an administrator tried to decide it, or the reverse. */
    MEMBER_WRONG_DECISION_PROCEDURE("CAIRN-MEMBER-0017", 409, "Wrong decision procedure for this proposal"),
    /** The CSR's public key is too weak or of a type the consortium CA does not certify (RSA below 2048 bits, unapproved curve). */
    MEMBER_CSR_KEY_REFUSED("CAIRN-MEMBER-0018", 422, "Certificate request key refused"),
    /** The CSR asks for an extension the consortium CA does not grant (subject alternative names other than DNS names). */
    MEMBER_CSR_EXTENSION_REFUSED("CAIRN-MEMBER-0019", 422, "Certificate request extension refused"),
    /** The consortium CA key does not match the CA certificate stored earlier (the key was replaced). */
    MEMBER_CA_KEY_MISMATCH("CAIRN-MEMBER-0020", 500, "Consortium CA key does not match its certificate"),
    /** This appliance has no consortium CA wired, so it cannot issue member certificates. */
    MEMBER_CA_NOT_CONFIGURED("CAIRN-MEMBER-0021", 503, "Consortium CA not configured"),

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

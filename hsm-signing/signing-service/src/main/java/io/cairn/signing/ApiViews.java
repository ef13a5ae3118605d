package io.cairn.signing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request and response bodies of the signing API. */
public final class ApiViews {
    private ApiViews() {
    }

    /**
     * A key as the API shows it.
     *
     * @param alias           alias
     * @param backend         custody backend
     * @param curve           curve
     * @param purpose         purpose
     * @param state           {@code active}, {@code disabled} or {@code destroyed}
     * @param currentVersion  the version that signs
     * @param ethereumAddress address of the current version (secp256k1)
     * @param policy          signing policy
     * @param createdBy       creator
     * @param createdAt       creation time
     * @param versions        every version
     */
    public record SigningKeyView(String alias, String backend, String curve, String purpose, String state, int currentVersion,
                          Optional<String> ethereumAddress, PolicyDocument policy, String createdBy, Instant createdAt,
                          List<SigningKeyVersionView> versions) {
        static SigningKeyView of(ManagedKey key) {
            return new SigningKeyView(key.alias(), key.backend(), key.curve().label(), key.purpose().label(),
                    key.state().label(), key.currentVersion(), EthereumAddress.of(key.current().publicKey()),
                    key.policy().document(), key.createdBy(), key.createdAt(),
                    key.versions().stream().map(SigningKeyVersionView::of).toList());
        }
    }

    /**
     * One key version.
     *
     * @param version                version number
     * @param handle                 custody handle ({@code backend:id})
     * @param publicKey              uncompressed SEC1 point (ECDSA) or 32-byte point (Ed25519), hex
     * @param ethereumAddress        EIP-55 address (secp256k1)
     * @param protection             {@code hardware}, {@code service} or {@code software}
     * @param keyNeverLeavesCustody  on token, sensitive and non-extractable, as attested
     * @param generatedInCustody     generated inside the backend
     * @param evidence               the backend's attestation evidence
     * @param createdAt              creation time
     */
    public record SigningKeyVersionView(int version, String handle, String publicKey, Optional<String> ethereumAddress,
                              String protection, boolean keyNeverLeavesCustody, boolean generatedInCustody,
                              Map<String, String> evidence, Instant createdAt) {
        static SigningKeyVersionView of(KeyVersion v) {
            return new SigningKeyVersionView(v.version(), v.handle().toString(), v.publicKey().hex(),
                    EthereumAddress.of(v.publicKey()), v.attestation().protection().name().toLowerCase(java.util.Locale.ROOT),
                    v.attestation().keyNeverLeavesCustody(), v.attestation().generatedInCustody(),
                    v.attestation().evidence(), v.createdAt());
        }
    }

    /**
     * A list of keys.
     *
     * @param keys the keys
     */
    public record SigningKeyList(List<SigningKeyView> keys) {
    }

    /**
     * A request to sign a raw digest.
     *
     * @param idempotencyKey the caller's key: a retry with the same key and body gets the same answer
     * @param digest         32 bytes as 64 hex digits (optional {@code 0x})
     * @param purpose        {@code certificate-authority}, {@code journal-checkpoint} or {@code report-seal}
     */
    public record SignDigestRequest(String idempotencyKey, String digest, String purpose) {
    }

    /**
     * A request to sign a ledger transaction through a {@link LedgerFormat}.
     *
     * @param idempotencyKey the caller's key
     * @param transaction    the transaction in the format's JSON shape
     */
    public record SignLedgerTransaction(String idempotencyKey, com.fasterxml.jackson.databind.JsonNode transaction) {
    }

    /**
     * A request to destroy a key (needs approval).
     *
     * @param idempotencyKey the caller's key
     */
    public record DestroyKeyRequest(String idempotencyKey) {
    }

    /**
     * A signing or destruction request as the API shows it.
     *
     * @param id                request id
     * @param alias             key alias
     * @param operation         {@code sign-digest} or {@code destroy-key}
     * @param state             {@code pending}, {@code approved}, {@code signed}, {@code completed},
     *                          {@code rejected} or {@code expired}
     * @param requester         who asked
     * @param purpose           purpose of a signature
     * @param digest            digest to sign
     * @param requiredApprovals m
     * @param approverRole      role of approvers
     * @param approvals         decisions so far
     * @param createdAt         creation time
     * @param expiresAt         when a pending request expires
     * @param decidedAt         when it left {@code pending}
     * @param signature         the released signature, once {@code signed} (never shown earlier)
     */
    public record SigningRequestView(String id, String alias, String operation, String state, String requester,
                              Optional<String> purpose, Optional<String> digest, int requiredApprovals,
                              String approverRole, List<ApprovalDecision> approvals, Instant createdAt, Instant expiresAt,
                              Optional<Instant> decidedAt, Optional<SignatureRecord> signature) {
        static SigningRequestView of(SigningRequest r) {
            return new SigningRequestView(r.id().toString(), r.alias(), r.operation().label(), r.state().label(),
                    r.requester(), r.body().map(SignBody::purpose), r.body().map(SignBody::digest),
                    r.requiredApprovals(), r.approverRole().label(), r.approvals(), r.createdAt(), r.expiresAt(),
                    r.decidedAt(), r.state() == RequestState.SIGNED ? r.signature() : Optional.empty());
        }
    }

    /**
     * A list of requests.
     *
     * @param requests the requests, newest first
     */
    public record SigningRequestList(List<SigningRequestView> requests) {
    }
}

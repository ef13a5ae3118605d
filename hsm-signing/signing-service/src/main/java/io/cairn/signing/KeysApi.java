package io.cairn.signing;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import io.cairn.signing.ApiViews.DestroyKeyRequest;
import io.cairn.signing.ApiViews.SigningKeyList;
import io.cairn.signing.ApiViews.SigningKeyView;
import io.cairn.signing.ApiViews.SigningRequestView;
import io.cairn.signing.ApiViews.SignDigestRequest;
import io.cairn.signing.ApiViews.SignLedgerTransaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /api/v1/keys} resource: key management (consortium admins), raw digest signing (operators and
 * consortium admins), reading (auditors too).
 */
final class KeysApi implements ApiService {
    private static final Set<Role> READERS = Set.of(Role.CONSORTIUM_ADMIN, Role.OPERATOR, Role.AUDITOR);
    private static final Set<Role> SIGNERS = Set.of(Role.CONSORTIUM_ADMIN, Role.OPERATOR);
    private static final Set<KeyPurpose> DIGEST_PURPOSES = Set.of(KeyPurpose.CERTIFICATE_AUTHORITY,
            KeyPurpose.JOURNAL_CHECKPOINT, KeyPurpose.REPORT_SEAL);
    private final SigningService service;

    KeysApi(SigningService service) {
        this.service = service;
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> all = new java.util.ArrayList<>(keyEndpoints());
        service.formats().keySet().stream().sorted().forEach(name -> all.add(
                Endpoint.of("POST", "/api/v1/keys/{alias}/sign/" + name, operationId(name))
                        .summary("Sign a ledger transaction (" + name + "); 200 with the signed artifact, or 202 while "
                                + "approvals are pending")
                        .roles(SIGNERS).request(SignLedgerTransaction.class).response(SigningRequestView.class)
                        .handler(r -> signLedger(r, name))));
        return List.copyOf(all);
    }

    private List<Endpoint> keyEndpoints() {
        return List.of(
                Endpoint.of("POST", "/api/v1/keys", "createKey").summary("Create a key in a custody backend")
                        .roles(Role.CONSORTIUM_ADMIN).request(NewKey.class).response(SigningKeyView.class).status(201)
                        .handler(this::create),
                Endpoint.of("GET", "/api/v1/keys", "listKeys").summary("List keys").roles(READERS)
                        .response(SigningKeyList.class)
                        .handler(r -> ApiResponse.ok(new SigningKeyList(service.keys().list().stream().map(SigningKeyView::of).toList()))),
                Endpoint.of("GET", "/api/v1/keys/{alias}", "getKey")
                        .summary("Show a key: versions, public keys, Ethereum address, attestation, policy")
                        .roles(READERS).response(SigningKeyView.class)
                        .handler(r -> ApiResponse.ok(SigningKeyView.of(service.keys().require(r.path("alias"))))),
                Endpoint.of("POST", "/api/v1/keys/{alias}/rotate", "rotateKey")
                        .summary("Create a new key version that signs from now on; old versions stay for verification")
                        .roles(Role.CONSORTIUM_ADMIN).response(SigningKeyView.class)
                        .handler(r -> ApiResponse.ok(SigningKeyView.of(service.lifecycle().rotate(r.path("alias"), user(r))))),
                Endpoint.of("POST", "/api/v1/keys/{alias}/disable", "disableKey").summary("Stop a key from signing")
                        .roles(Role.CONSORTIUM_ADMIN).response(SigningKeyView.class)
                        .handler(r -> ApiResponse.ok(SigningKeyView.of(service.lifecycle().disable(r.path("alias"), user(r))))),
                Endpoint.of("POST", "/api/v1/keys/{alias}/destroy", "destroyKey")
                        .summary("Ask for a key's destruction; carried out once other consortium admins approve")
                        .roles(Role.CONSORTIUM_ADMIN).request(DestroyKeyRequest.class).response(SigningRequestView.class).status(202)
                        .handler(this::destroy),
                Endpoint.of("POST", "/api/v1/keys/{alias}/sign/digest", "signDigest")
                        .summary("Sign a 32-byte digest (certificates, journal checkpoints, report seals); "
                                + "200 with the signature, or 202 while approvals are pending")
                        .roles(SIGNERS).request(SignDigestRequest.class).response(SigningRequestView.class).handler(this::signDigest));
    }

    private ApiResponse create(ApiRequest r) {
        ManagedKey key = service.lifecycle().create(r.body(NewKey.class), user(r));
        return ApiResponse.created("/api/v1/keys/" + key.alias(), SigningKeyView.of(key));
    }

    private ApiResponse destroy(ApiRequest r) {
        DestroyKeyRequest body = r.body(DestroyKeyRequest.class);
        return answer(service.requestDestroy(r.path("alias"), r.principal(), body.idempotencyKey()));
    }

    private ApiResponse signDigest(ApiRequest r) {
        SignDigestRequest body = r.body(SignDigestRequest.class);
        KeyPurpose purpose = KeyPurpose.parse("purpose", body.purpose());
        if (!DIGEST_PURPOSES.contains(purpose)) {
            throw new CairnException(ErrorCode.SIGN_POLICY_DENIED, "raw digests are signed only for "
                    + "certificate-authority, journal-checkpoint and report-seal; ledger transactions go through "
                    + "their ledger's signing endpoint");
        }
        SignBody sign = new SignBody(purpose.label(), body.digest(), Optional.empty());
        return answer(service.sign(r.path("alias"), r.principal(), body.idempotencyKey(), sign));
    }

    private ApiResponse signLedger(ApiRequest r, String format) {
        SignLedgerTransaction body = r.body(SignLedgerTransaction.class);
        if (body.transaction() == null || !body.transaction().isObject()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction", "the transaction is a JSON object");
        }
        return answer(service.signLedger(r.path("alias"), r.principal(), body.idempotencyKey(), format,
                body.transaction()));
    }

    static ApiResponse answer(SigningRequest request) {
        int status = switch (request.state()) {
            case SIGNED, COMPLETED -> 200;
            default -> 202;
        };
        return new ApiResponse(status, Optional.of(SigningRequestView.of(request)),
                Map.of("Location", "/api/v1/signing-requests/" + request.id()));
    }

    /** {@code ethereum-transaction} becomes {@code signEthereumTransaction}. */
    private static String operationId(String format) {
        StringBuilder id = new StringBuilder("sign");
        for (String part : format.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static String user(ApiRequest r) {
        return r.principal().username();
    }
}

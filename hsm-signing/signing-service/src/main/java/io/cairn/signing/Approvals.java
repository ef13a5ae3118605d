package io.cairn.signing;

import io.cairn.audit.spi.AuditEvent;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * m-of-n approval of pending requests. An approver is a user other than the requester who holds the
 * request's approver role (and, for keys naming their n approvers, is one of them); each user decides once.
 * The m-th approval moves the request to {@code approved} and carries it out at once; one rejection ends it.
 * Pending requests past their expiry become {@code expired} and free their nonce claims.
 */
public final class Approvals {
    private final SigningService service;
    private final SigningRequestStore store;
    private final KeyRegistry registry;
    private final SigningAudit audit;
    private final Clock clock;

    Approvals(SigningService service, SigningRequestStore store, KeyRegistry registry, SigningAudit audit, Clock clock) {
        this.service = service;
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Requests, newest first, optionally in one state. */
    public List<SigningRequest> list(Optional<RequestState> state, int limit) {
        store.expireDue(clock.instant());
        return store.list(state, limit);
    }

    /** Expires due requests now; returns how many. */
    public int expireDue() {
        return store.expireDue(clock.instant());
    }

    /** Records an approval; the m-th one produces the signature (or destruction). */
    public SigningRequest approve(UUID id, Principal approver) {
        SigningRequest request = pending(id);
        checkEligible(request, approver);
        Instant now = clock.instant();
        Decided decided = store.inTransaction(h -> {
            requirePending(store.lockState(h, id), id);
            store.decide(h, id, approver.username(), "approve", now);
            audit.record(decisionEvent("approved", request, approver, now));
            boolean complete = store.approvals(h, id) >= request.requiredApprovals()
                    && store.transition(h, id, RequestState.PENDING, RequestState.APPROVED, now);
            return new Decided(complete, store.find(h, id).orElseThrow());
        });
        return decided.complete() ? service.execute(decided.request()) : decided.request();
    }

    /**
     * An approval as its own transaction left the request: the answer to an approver describes its decision,
     * not whatever a concurrent approver did after it committed.
     */
    private record Decided(boolean complete, SigningRequest request) {
    }

    /** Records a rejection, which ends the request and frees its nonce claim. */
    public SigningRequest reject(UUID id, Principal approver) {
        SigningRequest request = pending(id);
        checkEligible(request, approver);
        Instant now = clock.instant();
        store.inTransaction(h -> {
            requirePending(store.lockState(h, id), id);
            store.decide(h, id, approver.username(), "reject", now);
            store.transition(h, id, RequestState.PENDING, RequestState.REJECTED, now);
            store.releaseNonce(h, id);
            audit.record(decisionEvent("rejected", request, approver, now));
            return null;
        });
        return service.load(id);
    }

    private SigningRequest pending(UUID id) {
        SigningRequest request = service.request(id);
        requirePending(request.state(), id);
        return request;
    }

    private static void requirePending(RequestState state, UUID id) {
        if (state != RequestState.PENDING) {
            throw new CairnException(ErrorCode.SIGN_REQUEST_NOT_PENDING,
                    "signing request " + id + " is " + state.label() + ", not pending");
        }
    }

    private void checkEligible(SigningRequest request, Principal approver) {
        if (approver.username().equals(request.requester())) {
            throw new CairnException(ErrorCode.SIGN_APPROVAL_NOT_ALLOWED, "a requester cannot approve or reject "
                    + "its own request");
        }
        if (!approver.effectiveRoles().contains(request.approverRole())) {
            throw new CairnException(ErrorCode.SIGN_APPROVAL_NOT_ALLOWED, "approving this request needs the role "
                    + request.approverRole().label());
        }
        if (request.operation() == Operation.SIGN_DIGEST) {
            DualControl dual = registry.require(request.alias()).policy().dualControl();
            if (!dual.approvers().isEmpty() && !dual.approvers().contains(approver.username())) {
                throw new CairnException(ErrorCode.SIGN_APPROVAL_NOT_ALLOWED, "user '" + approver.username()
                        + "' is not one of this key's approvers");
            }
        }
    }

    private static AuditEvent decisionEvent(String what, SigningRequest request, Principal approver, Instant at) {
        TreeMap<String, String> a = new TreeMap<>();
        a.put("request.id", request.id().toString());
        a.put("alias", request.alias());
        a.put("operation", request.operation().label());
        a.put("requester", request.requester());
        a.put("required-approvals", Integer.toString(request.requiredApprovals()));
        return new AuditEvent("signing.request-" + what, approver.username(), "key:" + request.alias(), at,
                Optional.empty(), Optional.empty(), a);
    }
}

package io.cairn.signing;

import io.cairn.kernel.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored request to sign with, or destroy, a key, with its approvals and (once signed) its answer.
 *
 * @param id                 request id
 * @param requester          username of the requester
 * @param idempotencyKey     the requester's idempotency key
 * @param requestSha256      hash of what was asked, to tell a retry from a different request
 * @param alias              key alias
 * @param operation          what is asked
 * @param body               what to sign (empty for destruction)
 * @param state              where it is in its state machine
 * @param requiredApprovals  m
 * @param approverRole       role approvers hold
 * @param signature          the released signature, once signed
 * @param createdAt          when it was made
 * @param expiresAt          when a pending request expires
 * @param decidedAt          when it left {@code pending}
 * @param approvals          decisions so far
 */
public record SigningRequest(UUID id, String requester, String idempotencyKey, String requestSha256, String alias,
                             Operation operation, Optional<SignBody> body, RequestState state, int requiredApprovals,
                             Role approverRole, Optional<SignatureRecord> signature, Instant createdAt,
                             Instant expiresAt, Optional<Instant> decidedAt, List<ApprovalDecision> approvals) {
    /** Copies the list. */
    public SigningRequest {
        approvals = List.copyOf(approvals);
    }

    /** This request in state {@code signed} with its answer. */
    public SigningRequest signed(SignatureRecord answer) {
        return new SigningRequest(id, requester, idempotencyKey, requestSha256, alias, operation, body,
                RequestState.SIGNED, requiredApprovals, approverRole, Optional.of(answer), createdAt, expiresAt,
                Optional.of(decidedAt.orElse(answer.signedAt())), approvals);
    }

    /** Usernames that approved. */
    public List<String> approvers() {
        return approvals.stream().filter(a -> a.decision().equals("approve")).map(ApprovalDecision::approver).toList();
    }
}

package io.cairn.signing;

import java.time.Instant;

/**
 * One user's decision on a request.
 *
 * @param approver  username
 * @param decision  {@code approve} or {@code reject}
 * @param decidedAt when
 */
public record ApprovalDecision(String approver, String decision, Instant decidedAt) {
}

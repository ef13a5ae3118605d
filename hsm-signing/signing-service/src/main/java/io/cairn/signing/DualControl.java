package io.cairn.signing;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.util.Objects;
import java.util.Set;

/**
 * m-of-n approval settings of a key: {@code requiredApprovals} (m) distinct users holding {@code approverRole},
 * other than the requester, must approve before the key signs. When {@code approvers} is not empty it is the
 * n users allowed to approve; otherwise every holder of the role may.
 *
 * @param requiredApprovals m; 0 means the key signs without approval
 * @param approverRole      role an approver must hold
 * @param approvers         the eligible usernames, or empty for every holder of the role
 */
public record DualControl(int requiredApprovals, Role approverRole, Set<String> approvers) {
    /** Maximum m. */
    public static final int MAX_APPROVALS = 10;

    /** Validates the settings. */
    public DualControl {
        Objects.requireNonNull(approverRole, "approverRole");
        approvers = Set.copyOf(approvers);
        if (requiredApprovals < 0 || requiredApprovals > MAX_APPROVALS) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "policy.requiredApprovals",
                    "required approvals are 0 to " + MAX_APPROVALS);
        }
        if (!approvers.isEmpty() && approvers.size() < requiredApprovals) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "policy.approvers",
                    "m-of-n needs at least m = " + requiredApprovals + " eligible approvers, got " + approvers.size());
        }
    }

    /** No approval needed. */
    public static DualControl none() {
        return new DualControl(0, Role.CONSORTIUM_ADMIN, Set.of());
    }

    /** Whether the key is under dual control. */
    public boolean enabled() {
        return requiredApprovals > 0;
    }
}

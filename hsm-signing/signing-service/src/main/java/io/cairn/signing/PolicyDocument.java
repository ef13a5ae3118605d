package io.cairn.signing;

import java.util.List;
import java.util.Optional;

/**
 * A signing policy as written in the API and stored with the key; absent fields take defaults (see
 * {@link SigningPolicy#from}).
 *
 * @param purposes          allowed purposes (default: the key's purpose)
 * @param chainIds          allowed chain ids or ledgers (default: any)
 * @param contracts         allowed destination contracts (default: any)
 * @param valueLimit        largest value per transaction, decimal (default: none)
 * @param ratePerMinute     signatures per minute for this key, 0 = unlimited (default: configured)
 * @param requiredApprovals m of m-of-n (default 0: no approval)
 * @param approverRole      role an approver holds (default {@code consortium-admin})
 * @param approvers         the n eligible approvers (default: every holder of the role)
 */
public record PolicyDocument(Optional<List<String>> purposes, Optional<List<String>> chainIds,
                             Optional<List<String>> contracts, Optional<String> valueLimit,
                             Optional<Integer> ratePerMinute, Optional<Integer> requiredApprovals,
                             Optional<String> approverRole, Optional<List<String>> approvers) {
    /** A document with every field at its default. */
    public static PolicyDocument defaults() {
        return new PolicyDocument(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

package io.cairn.membership;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of the consortium's governance policy. A proposal is decided under the version that was
 * current when it opened; a new version applies to proposals opened after its adoption.
 *
 * @param version    1, 2, ...
 * @param terms      rule, quorum and voting window
 * @param adoptedAt  when it became current
 * @param adoptedBy  {@code configuration} for version 1, otherwise {@code proposal:<id>}
 * @param proposalId the change-policy proposal that adopted it; empty for version 1
 */
public record GovernancePolicy(int version, PolicyTerms terms, Instant adoptedAt, String adoptedBy,
                               Optional<UUID> proposalId) {
}

package io.cairn.membership;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a member's status history.
 *
 * @param from      the status before, empty for the first entry
 * @param to        the status after
 * @param changedBy who changed it: a username, or {@code proposal:<id>} when a vote decided it
 * @param changedAt when
 * @param reason    why
 */
public record StatusChange(Optional<MemberStatus> from, MemberStatus to, String changedBy, Instant changedAt,
                           String reason) {
}

package io.cairn.membership;

import java.time.Instant;
import java.util.UUID;

/**
 * A user of the appliance who votes for a member organisation.
 *
 * @param username     the user's login name (identity module)
 * @param memberId     the organisation represented
 * @param designatedBy the administrator who designated them
 * @param designatedAt when
 */
public record Representative(String username, UUID memberId, String designatedBy, Instant designatedAt) {
}

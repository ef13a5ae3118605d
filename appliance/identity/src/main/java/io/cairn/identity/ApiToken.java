package io.cairn.identity;

import io.cairn.kernel.access.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An API token's record; the secret itself is never stored.
 *
 * @param id        identifier, safe to show and to revoke by
 * @param userId    owner
 * @param name      what the token is for
 * @param scopes    roles the token may exercise (a subset of the owner's)
 * @param createdAt creation time
 * @param expiresAt expiry
 * @param revokedAt revocation time, if revoked
 * @param createdBy who issued it
 */
public record ApiToken(UUID id, UUID userId, String name, Set<Role> scopes, Instant createdAt, Instant expiresAt,
                       Optional<Instant> revokedAt, String createdBy) {
    /** Copies the scopes. */
    public ApiToken {
        scopes = Set.copyOf(scopes);
    }

    /** {@code active}, {@code expired} or {@code revoked} at the given time. */
    public String state(Instant now) {
        if (revokedAt.isPresent()) {
            return "revoked";
        }
        return now.isBefore(expiresAt) ? "active" : "expired";
    }
}

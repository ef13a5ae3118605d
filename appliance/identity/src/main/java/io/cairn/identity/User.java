package io.cairn.identity;

import io.cairn.kernel.access.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A user of the appliance.
 *
 * @param id                      stable identifier
 * @param username                login name
 * @param displayName             human name
 * @param roles                   roles held
 * @param clientCertificateSha256 SHA-256 of the DER client certificate bound to the user, lower-case hex
 * @param enabled                 whether the user may authenticate
 * @param createdAt               creation time
 * @param createdBy               who created it
 */
public record User(UUID id, String username, String displayName, Set<Role> roles,
                   Optional<String> clientCertificateSha256, boolean enabled, Instant createdAt, String createdBy) {
    /** Copies the roles. */
    public User {
        roles = Set.copyOf(roles);
    }
}

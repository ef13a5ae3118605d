package io.cairn.membership;

import io.cairn.kernel.access.Role;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up users of the appliance, so that only existing, enabled users holding the {@code member} role are
 * designated as representatives. The appliance implements it over the identity module's user directory.
 */
@FunctionalInterface
public interface AccountDirectory {
    /** The roles of an enabled user, or empty when there is no such enabled user. */
    Optional<Set<Role>> enabledRoles(String username);
}

package io.cairn.kernel.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param userId       stable identifier of the user
 * @param username     the user's login name
 * @param roles        roles the user holds
 * @param scopes       roles the presented credential is restricted to (a token may carry fewer than the user)
 * @param credentialId identifier of the token used, when a token was used
 * @param method       how the caller authenticated
 */
public record Principal(String userId, String username, Set<Role> roles, Set<Role> scopes,
                        Optional<String> credentialId, AuthenticationMethod method) {

    /** How a caller proved who it is. */
    public enum AuthenticationMethod {
        /** A bearer API token. */
        TOKEN,
        /** A TLS client certificate bound to the user. */
        CLIENT_CERTIFICATE,
        /** Not a caller: the appliance itself, acting for one of its background jobs (see {@link #system}). */
        SYSTEM
    }

    /** Copies the sets. */
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(method, "method");
    }

    /**
     * The appliance acting on its own behalf, e.g. the anchoring job asking for a ledger signature; its name
     * is what audit records show as the actor.
     *
     * @param job   the background job, e.g. {@code anchoring}
     * @param roles what the job may do
     */
    public static Principal system(String job, Set<Role> roles) {
        return new Principal("system:" + job, "cairn-" + job, roles, roles, Optional.empty(), AuthenticationMethod.SYSTEM);
    }

    /** The roles in effect: those the user holds that the credential's scope also allows. */
    public Set<Role> effectiveRoles() {
        return roles.stream().filter(scopes::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether any effective role is among the allowed ones. */
    public boolean mayUse(Set<Role> allowed) {
        return effectiveRoles().stream().anyMatch(allowed::contains);
    }
}

package io.cairn.identity;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Request and answer bodies of the identity API. */
public final class IdentityViews {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private IdentityViews() {
    }

    /**
     * A user to create.
     *
     * @param username                login name: lower-case letters, digits, dot, dash, underscore (2-63)
     * @param displayName             human name
     * @param roles                   role names, e.g. {@code ["operator"]}
     * @param clientCertificateSha256 SHA-256 (hex) of a client certificate that authenticates as this user
     */
    public record NewUser(String username, String displayName, List<String> roles,
                          Optional<String> clientCertificateSha256) {
        /** Validates the request. */
        public NewUser {
            if (!USERNAME.matcher(username).matches()) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "username",
                        "username must be 2-63 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
            }
            if (displayName.isBlank() || displayName.length() > 200) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "displayName", "displayName must be 1-200 characters");
            }
            roles = List.copyOf(roles);
            parseRoles("roles", roles);
            clientCertificateSha256 = clientCertificateSha256.map(s -> s.toLowerCase(java.util.Locale.ROOT).replace(":", ""));
            if (clientCertificateSha256.isPresent() && !SHA256.matcher(clientCertificateSha256.get()).matches()) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "clientCertificateSha256",
                        "clientCertificateSha256 must be 64 hexadecimal digits");
            }
        }
    }

    /**
     * A token to issue.
     *
     * @param name       what the token is for
     * @param scopes     roles it may exercise (default: all of the owner's roles)
     * @param ttlSeconds lifetime in seconds (default: {@code security.tokens.default-ttl})
     */
    public record NewToken(String name, Optional<List<String>> scopes, Optional<Long> ttlSeconds) {
        /** Validates the request. */
        public NewToken {
            if (name.isBlank() || name.length() > 100) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "name", "name must be 1-100 characters");
            }
            scopes.ifPresent(s -> parseRoles("scopes", s));
            if (ttlSeconds.isPresent() && ttlSeconds.get() < 60) {
                throw CairnException.field(ErrorCode.API_INVALID_FIELD, "ttlSeconds", "ttlSeconds must be at least 60");
            }
        }
    }

    /** A user as shown by the API. */
    public record UserView(String id, String username, String displayName, List<String> roles,
                           Optional<String> clientCertificateSha256, boolean enabled, Instant createdAt, String createdBy) {
        static UserView of(User u) {
            return new UserView(u.id().toString(), u.username(), u.displayName(), labels(u.roles()),
                    u.clientCertificateSha256(), u.enabled(), u.createdAt(), u.createdBy());
        }
    }

    /** A page of users. */
    public record UserPage(List<UserView> items, int offset, int limit) {
    }

    /** A token as listed (never with its secret). */
    public record TokenView(String id, String name, String userId, List<String> scopes, String state,
                            Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt, String createdBy) {
        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.id().toString(), t.name(), t.userId().toString(), labels(t.scopes()), t.state(now),
                    t.createdAt(), t.expiresAt(), t.revokedAt(), t.createdBy());
        }
    }

    /** A list of tokens. */
    public record TokenList(List<TokenView> items) {
    }

    /** A newly issued token: the only time its secret is shown. */
    public record IssuedToken(String id, String name, String token, List<String> scopes, Instant expiresAt) {
    }

    /** Who the caller is. */
    public record Me(String userId, String username, List<String> roles, List<String> effectiveRoles,
                     String authenticatedBy, Optional<String> tokenId) {
    }

    static Set<Role> parseRoles(String field, List<String> labels) {
        if (labels.isEmpty()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, field, field + " must name at least one role");
        }
        return labels.stream().map(l -> Role.fromLabel(l).orElseThrow(() -> CairnException.field(
                ErrorCode.API_INVALID_FIELD, field, "unknown role '" + l + "'; roles are "
                        + java.util.Arrays.stream(Role.values()).map(Role::label).toList())))
                .collect(Collectors.toSet());
    }

    static List<String> labels(Set<Role> roles) {
        return roles.stream().map(Role::label).sorted().toList();
    }
}

package io.cairn.identity;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.Endpoint;
import io.cairn.identity.IdentityViews.IssuedToken;
import io.cairn.identity.IdentityViews.Me;
import io.cairn.identity.IdentityViews.NewToken;
import io.cairn.identity.IdentityViews.NewUser;
import io.cairn.identity.IdentityViews.TokenList;
import io.cairn.identity.IdentityViews.TokenView;
import io.cairn.identity.IdentityViews.UserPage;
import io.cairn.identity.IdentityViews.UserView;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The {@code /api/v1/users}, {@code /api/v1/tokens} and {@code /api/v1/me} resources. */
public final class IdentityApi implements ApiService {
    private static final Role ADMIN = Role.CONSORTIUM_ADMIN;

    private final Jdbi jdbi;
    private final UserDirectory users;
    private final TokenRegistry tokens;
    private final IdentitySettings settings;
    private final Clock clock;

    /** Creates the resource. */
    public IdentityApi(Jdbi jdbi, UserDirectory users, TokenRegistry tokens, IdentitySettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/me", "whoAmI").summary("The authenticated caller and its effective roles")
                        .roles(Role.ALL).response(Me.class).handler(this::me),
                Endpoint.of("POST", "/api/v1/me/tokens", "issueOwnToken")
                        .summary("Issue a token for yourself, scoped to some or all of your roles")
                        .roles(Role.ALL).request(NewToken.class).response(IssuedToken.class).status(201)
                        .handler(r -> issue(r, users.require(r.principal().username()))),
                Endpoint.of("GET", "/api/v1/users", "listUsers").summary("List users")
                        .roles(ADMIN, Role.AUDITOR).query("offset", "limit").response(UserPage.class).handler(this::list),
                Endpoint.of("POST", "/api/v1/users", "createUser").summary("Create a user")
                        .roles(ADMIN).request(NewUser.class).response(UserView.class).status(201).handler(this::create),
                Endpoint.of("GET", "/api/v1/users/{username}", "getUser").summary("Show a user")
                        .roles(ADMIN, Role.AUDITOR).response(UserView.class)
                        .handler(r -> ApiResponse.ok(UserView.of(users.require(r.path("username"))))),
                Endpoint.of("POST", "/api/v1/users/{username}/disable", "disableUser")
                        .summary("Disable a user; its tokens and certificate stop working at once")
                        .roles(ADMIN).response(UserView.class).handler(r -> setEnabled(r, false)),
                Endpoint.of("POST", "/api/v1/users/{username}/enable", "enableUser").summary("Enable a user")
                        .roles(ADMIN).response(UserView.class).handler(r -> setEnabled(r, true)),
                Endpoint.of("GET", "/api/v1/users/{username}/tokens", "listTokens")
                        .summary("List a user's tokens (never their secrets)")
                        .roles(ADMIN, Role.AUDITOR).response(TokenList.class).handler(this::listTokens),
                Endpoint.of("POST", "/api/v1/users/{username}/tokens", "issueToken")
                        .summary("Issue a token for a user; the secret is returned once")
                        .roles(ADMIN).request(NewToken.class).response(IssuedToken.class).status(201)
                        .handler(r -> issue(r, users.require(r.path("username")))),
                Endpoint.of("DELETE", "/api/v1/tokens/{id}", "revokeToken")
                        .summary("Revoke a token (administrators: any token; others: their own)")
                        .roles(Role.ALL).response(TokenView.class).handler(this::revoke));
    }

    private ApiResponse me(ApiRequest r) {
        Principal p = r.principal();
        return ApiResponse.ok(new Me(p.userId(), p.username(), IdentityViews.labels(p.roles()),
                IdentityViews.labels(p.effectiveRoles()), p.method().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-'), p.credentialId()));
    }

    private ApiResponse list(ApiRequest r) {
        int offset = r.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = r.queryInt("limit", 100, 1, 1000);
        return ApiResponse.ok(new UserPage(users.list(offset, limit).stream().map(UserView::of).toList(), offset, limit));
    }

    private ApiResponse create(ApiRequest r) {
        NewUser body = r.body(NewUser.class);
        Set<Role> roles = IdentityViews.parseRoles("roles", body.roles());
        User user = jdbi.inTransaction(h -> users.create(h, body.username(), body.displayName(), roles,
                body.clientCertificateSha256(), r.principal().username(), clock.instant()));
        return ApiResponse.created("/api/v1/users/" + user.username(), UserView.of(user));
    }

    private ApiResponse setEnabled(ApiRequest r, boolean enabled) {
        return ApiResponse.ok(UserView.of(users.setEnabled(r.path("username"), enabled)));
    }

    private ApiResponse listTokens(ApiRequest r) {
        Instant now = clock.instant();
        User owner = users.require(r.path("username"));
        return ApiResponse.ok(new TokenList(tokens.listFor(owner).stream().map(t -> TokenView.of(t, now)).toList()));
    }

    private ApiResponse issue(ApiRequest r, User owner) {
        NewToken body = r.body(NewToken.class);
        Set<Role> scopes = body.scopes().map(s -> IdentityViews.parseRoles("scopes", s)).orElse(owner.roles());
        if (!owner.roles().containsAll(scopes)) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "scopes",
                    "a token can only carry roles its owner holds: " + IdentityViews.labels(owner.roles()));
        }
        Duration ttl = body.ttlSeconds().map(Duration::ofSeconds).orElse(settings.defaultTokenTtl());
        if (ttl.compareTo(settings.maxTokenTtl()) > 0) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "ttlSeconds",
                    "ttlSeconds may be at most " + settings.maxTokenTtl().toSeconds());
        }
        Instant now = clock.instant();
        String secret = TokenSecret.generate();
        ApiToken token = tokens.issue(owner, body.name(), scopes, secret, now, now.plus(ttl), r.principal().username());
        return ApiResponse.created("/api/v1/users/" + owner.username() + "/tokens",
                new IssuedToken(token.id().toString(), token.name(), secret, IdentityViews.labels(scopes),
                        token.expiresAt()));
    }

    private ApiResponse revoke(ApiRequest r) {
        UUID id = parseId(r.path("id"));
        ApiToken token = tokens.require(id);
        Principal caller = r.principal();
        boolean own = token.userId().toString().equals(caller.userId());
        if (!own && !caller.effectiveRoles().contains(ADMIN)) {
            throw new CairnException(ErrorCode.AUTH_FORBIDDEN, "Only administrators may revoke other users' tokens.");
        }
        return ApiResponse.ok(TokenView.of(tokens.revoke(id, clock.instant()), clock.instant()));
    }

    private static UUID parseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new CairnException(ErrorCode.API_RESOURCE_NOT_FOUND, "no token with id " + raw);
        }
    }
}

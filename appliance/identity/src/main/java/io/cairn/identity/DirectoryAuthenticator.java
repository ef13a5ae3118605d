package io.cairn.identity;

import io.cairn.http.Authenticator;
import io.cairn.http.Credentials;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Authenticates API calls against the user directory: a bearer token must exist, be neither expired nor
 * revoked, and belong to an enabled user; a TLS client certificate (already verified against the
 * configured client CAs by the TLS layer) must be bound to an enabled user. A token takes precedence when
 * both are presented. Failures say what kind of problem it was, never which part of a secret was wrong.
 */
public final class DirectoryAuthenticator implements Authenticator {
    private final TokenRegistry tokens;
    private final UserDirectory users;
    private final Clock clock;

    /** Creates the authenticator. */
    public DirectoryAuthenticator(TokenRegistry tokens, UserDirectory users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(Credentials credentials) {
        if (credentials.bearerToken().isPresent()) {
            return byToken(credentials.bearerToken().get());
        }
        return byCertificate(credentials.clientCertificates().get(0));
    }

    private Principal byToken(String secret) {
        if (!secret.startsWith(TokenSecret.PREFIX)) {
            throw invalid();
        }
        TokenRegistry.Holder holder = tokens.findBySecret(secret).orElseThrow(DirectoryAuthenticator::invalid);
        ApiToken token = holder.token();
        String state = token.state(clock.instant());
        if (!"active".equals(state)) {
            throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "The token is " + state + ".");
        }
        requireEnabled(holder.user());
        return new Principal(holder.user().id().toString(), holder.user().username(), holder.user().roles(),
                token.scopes(), Optional.of(token.id().toString()), Principal.AuthenticationMethod.TOKEN);
    }

    private Principal byCertificate(X509Certificate certificate) {
        User user = users.findByCertificate(fingerprint(certificate)).orElseThrow(() -> new CairnException(
                ErrorCode.AUTH_UNKNOWN_CLIENT_CERTIFICATE, "The client certificate is not bound to any user."));
        requireEnabled(user);
        return new Principal(user.id().toString(), user.username(), user.roles(), Role.ALL, Optional.empty(),
                Principal.AuthenticationMethod.CLIENT_CERTIFICATE);
    }

    /** Lower-case hex SHA-256 of a certificate's DER encoding, the form stored on users. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new CairnException(ErrorCode.AUTH_UNKNOWN_CLIENT_CERTIFICATE, "The client certificate cannot be read.");
        }
    }

    private static void requireEnabled(User user) {
        if (!user.enabled()) {
            throw new CairnException(ErrorCode.AUTH_USER_DISABLED, "The user is disabled.");
        }
    }

    private static CairnException invalid() {
        return new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "The token is not valid.");
    }
}

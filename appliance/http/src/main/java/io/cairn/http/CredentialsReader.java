package io.cairn.http;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the bearer token and the verified TLS client certificate chain of a request. */
final class CredentialsReader {
    private static final int MAX_TOKEN_LENGTH = 512;

    private CredentialsReader() {
    }

    static Credentials read(ServerRequest req) {
        return new Credentials(bearer(req), certificates(req));
    }

    private static Optional<String> bearer(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "Only 'Authorization: Bearer <token>' is accepted.");
        }
        String token = value.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new CairnException(ErrorCode.AUTH_INVALID_TOKEN, "The bearer token is empty or too long.");
        }
        return Optional.of(token);
    }

    private static List<X509Certificate> certificates(ServerRequest req) {
        if (!req.isSecure()) {
            return List.of();
        }
        Optional<Certificate[]> chain = req.remotePeer().tlsCertificates();
        return chain.map(c -> Arrays.stream(c).filter(X509Certificate.class::isInstance)
                .map(X509Certificate.class::cast).toList()).orElse(List.of());
    }
}

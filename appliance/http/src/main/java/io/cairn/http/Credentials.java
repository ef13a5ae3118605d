package io.cairn.http;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller presented to prove who it is.
 *
 * @param bearerToken       the token of an {@code Authorization: Bearer} header
 * @param clientCertificates the verified TLS client certificate chain, leaf first
 */
public record Credentials(Optional<String> bearerToken, List<X509Certificate> clientCertificates) {
    /** Copies the list. */
    public Credentials {
        Objects.requireNonNull(bearerToken, "bearerToken");
        clientCertificates = List.copyOf(clientCertificates);
    }

    /** Whether nothing was presented. */
    public boolean isEmpty() {
        return bearerToken.isEmpty() && clientCertificates.isEmpty();
    }
}

package io.cairn.http;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The listener's TLS: the configured PKCS#12 keystore, or a self-signed certificate generated once into
 * the data directory; client certificates are requested when a truststore of client CAs is configured.
 *
 * @param tls         the Helidon TLS configuration
 * @param certificate the server certificate, for its fingerprint in startup logs
 * @param generated   whether the certificate was generated (self-signed) rather than configured
 */
public record ServerTls(Tls tls, X509Certificate certificate, boolean generated) {

    /** TLS for the listener, or empty when plain HTTP was asked for. */
    public static Optional<ServerTls> of(HttpSettings settings, Path dataDirectory) {
        if (settings.plaintext()) {
            return Optional.empty();
        }
        try {
            KeyStore keystore;
            char[] password;
            boolean generated = settings.keystore().isEmpty();
            if (generated) {
                SelfSignedCertificate self = SelfSignedCertificate.loadOrCreate(dataDirectory.resolve("tls"));
                keystore = self.keystore();
                password = self.password();
            } else {
                password = settings.keystorePassword().orElse("").toCharArray();
                keystore = load(settings.keystore().get(), password);
            }
            return Optional.of(build(settings, keystore, password, generated));
        } catch (IOException | GeneralSecurityException e) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE,
                    "the TLS keystore could not be used: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 fingerprint of the server certificate, colon-separated hex. */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerTls build(HttpSettings settings, KeyStore keystore, char[] password, boolean generated)
            throws GeneralSecurityException, IOException {
        String alias = firstKeyAlias(keystore);
        PrivateKey key = (PrivateKey) keystore.getKey(alias, password);
        List<X509Certificate> chain = Arrays.stream(keystore.getCertificateChain(alias))
                .map(X509Certificate.class::cast).toList();
        var builder = Tls.builder().privateKey(key).privateKeyCertChain(chain);
        if (settings.truststore().isPresent() && !"none".equals(settings.clientAuth())) {
            KeyStore trust = load(settings.truststore().get(), settings.truststorePassword().orElse("").toCharArray());
            builder.trust(certificates(trust));
            builder.clientAuth("required".equals(settings.clientAuth()) ? TlsClientAuth.REQUIRED : TlsClientAuth.OPTIONAL);
        } else {
            builder.clientAuth(TlsClientAuth.NONE);
        }
        return new ServerTls(builder.build(), chain.get(0), generated);
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("the keystore holds no private key entry");
    }

    private static List<X509Certificate> certificates(KeyStore store) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate c = store.getCertificate(alias);
            if (c instanceof X509Certificate x) {
                certificates.add(x);
            }
        }
        return certificates;
    }
}

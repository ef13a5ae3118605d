package io.cairn.connector.evm;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for the JSON-RPC connection.
 *
 * @param trustStore         PKCS#12 file with the certificates that may sign the node's certificate
 * @param trustStorePassword its password
 * @param keyStore           PKCS#12 file with a client certificate and key, for mutual TLS
 * @param keyStorePassword   its password
 */
public record TlsSettings(Path trustStore, char[] trustStorePassword, Optional<Path> keyStore,
                          char[] keyStorePassword) {

    /** Validates and copies. */
    public TlsSettings {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(keyStore, "keyStore");
        trustStorePassword = trustStorePassword.clone();
        keyStorePassword = keyStorePassword.clone();
    }

    /** Server authentication only. */
    public static TlsSettings trusting(Path trustStore, char[] password) {
        return new TlsSettings(trustStore, password, Optional.empty(), new char[0]);
    }

    @Override
    public char[] trustStorePassword() {
        return trustStorePassword.clone();
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsSettings that && trustStore.equals(that.trustStore) && keyStore.equals(that.keyStore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trustStore, keyStore);
    }

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "TlsSettings[trustStore=" + trustStore + ", keyStore=" + keyStore + "]";
    }
}

package io.cairn.connector.evm;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/**
 * Builds the JSON-RPC transport of one ledger (HTTP(S) or WebSocket): timeouts, TLS trust and client keys,
 * auth headers.
 */
final class RpcTransport {

    private RpcTransport() {
    }

    /** A transport for {@code config}'s endpoint. */
    static Web3jService open(EvmLedgerConfig config) {
        return open(config.rpcUrl(), config.headers(), config.tls(), config.requestTimeout());
    }

    /** A transport for an endpoint: {@code http}, {@code https}, {@code ws} or {@code wss}. */
    static Web3jService open(URI url, Map<String, String> headers, Optional<TlsSettings> tls, Duration timeout) {
        if ("ws".equals(url.getScheme()) || "wss".equals(url.getScheme())) {
            return new WebSocketTransport(url, headers, tls.map(RpcTransport::context).map(TlsContext::context),
                    timeout);
        }
        OkHttpClient.Builder client = new OkHttpClient.Builder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        tls.map(RpcTransport::context).ifPresent(t -> client.sslSocketFactory(t.context().getSocketFactory(),
                t.trustManager()));
        HttpService service = new HttpService(url.toString(), client.build());
        service.addHeaders(headers);
        return service;
    }

    /** An SSL context and the trust manager it was built with. */
    private record TlsContext(SSLContext context, X509TrustManager trustManager) {
    }

    private static TlsContext context(TlsSettings tls) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(tls.trustStore(), tls.trustStorePassword()));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            if (tls.keyStore().isPresent()) {
                kmf.init(load(tls.keyStore().get(), tls.keyStorePassword()), tls.keyStorePassword());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(tls.keyStore().isPresent() ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
            return new TlsContext(context, x509(tmf.getTrustManagers()));
        } catch (GeneralSecurityException | IOException e) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "tls",
                    "cannot load the TLS key or trust store: " + e.getClass().getSimpleName());
        }
    }

    private static KeyStore load(java.nio.file.Path path, char[] password) throws GeneralSecurityException,
            IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}

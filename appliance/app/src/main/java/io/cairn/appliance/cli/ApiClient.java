package io.cairn.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.http.Json;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A small client of the appliance API for operator commands; problems come back as {@link CairnException}. */
final class ApiClient {
    private final HttpClient http;
    private final String base;
    private final String token;

    private ApiClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    static ApiClient of(ApiOptions options) {
        if (options.token == null || options.token.isBlank()) {
            throw new CairnException(ErrorCode.AUTH_MISSING_CREDENTIALS, "set CAIRN_TOKEN or pass --token");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        try {
            if (options.insecure) {
                builder.sslContext(trustAll());
                SSLParameters params = new SSLParameters();
                params.setEndpointIdentificationAlgorithm(null);
                builder.sslParameters(params);
            } else if (options.caCertificate != null) {
                builder.sslContext(trusting(options));
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, "cannot use the CA certificate: " + e.getMessage());
        }
        return new ApiClient(builder.build(), options.url, options.token);
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))));
    }

    JsonNode put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))));
    }

    /** A JSON request body read from a file (at most 1 MiB), for requests too rich for options. */
    static JsonNode jsonFile(Path file) {
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new CairnException(ErrorCode.API_BODY_TOO_LARGE, file + " is larger than 1 MiB");
            }
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CairnException(ErrorCode.API_MALFORMED_JSON, file + " is not readable JSON: " + e.getMessage());
        }
    }

    JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /**
     * Streams a non-JSON answer into a file, through a temporary file beside it that is moved into place
     * only when the whole body arrived.
     *
     * @param path   the API path and query
     * @param target the file to write
     * @return the number of bytes written
     */
    long download(String path, Path target) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token)
                .build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw problem(response.statusCode(), Json.mapper().readTree(body.readNBytes(1 << 20)));
            }
            Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".cairn-", ".part");
            long bytes = Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return bytes;
        } catch (IOException e) {
            throw new CairnException(ErrorCode.SYS_NOT_READY, "download from " + base + " failed: " + e.getMessage());
        }
    }

    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        HttpResponse<byte[]> response = exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            JsonNode body = response.body().length == 0 ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(response.body());
            if (response.statusCode() >= 400) {
                throw problem(response.statusCode(), body);
            }
            return body;
        } catch (IOException e) {
            throw new CairnException(ErrorCode.SYS_NOT_READY, "request to " + base + " failed: " + e.getMessage());
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (ConnectException e) {
            throw new CairnException(ErrorCode.SYS_NOT_READY, "cannot connect to " + base + "; is the appliance running?");
        } catch (IOException e) {
            throw new CairnException(ErrorCode.SYS_NOT_READY, "request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.SYS_NOT_READY, "interrupted");
        }
    }

    private static CairnException problem(int status, JsonNode body) {
        String code = Optional.ofNullable(body.get("code")).map(JsonNode::asText).orElse("HTTP " + status);
        String detail = Optional.ofNullable(body.get("detail")).map(JsonNode::asText).orElse("request failed");
        ErrorCode error = java.util.Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst()
                .orElse(ErrorCode.SYS_INTERNAL);
        return new CairnException(error, detail + (error == ErrorCode.SYS_INTERNAL ? " (" + code + ")" : ""));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static SSLContext trusting(ApiOptions options) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(options.caCertificate)) {
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), new SecureRandom());
        return context;
    }

    private static SSLContext trustAll() throws GeneralSecurityException {
        TrustManager accepting = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // client side only
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // --insecure: the operator chose not to verify
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {accepting}, new SecureRandom());
        return context;
    }
}

package io.cairn.appliance;

import io.cairn.ca.ConsortiumCa;
import io.cairn.kernel.CairnException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * What relying parties fetch without credentials, as for any public CA: the consortium CA certificate
 * ({@code /pki/consortium-ca.pem}) and its current CRL ({@code /pki/consortium-ca.crl}, DER), the distribution
 * point that {@code ca.crl-url} should name. Both hold public data only.
 */
final class PkiRoutes {
    static final String CERTIFICATE = "/pki/consortium-ca.pem";
    static final String CRL = "/pki/consortium-ca.crl";
    private final ConsortiumCa ca;

    PkiRoutes(ConsortiumCa ca) {
        this.ca = ca;
    }

    void register(HttpRouting.Builder routing) {
        routing.get(CERTIFICATE, (req, res) -> send(res, "application/x-pem-file", () ->
                ca.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        routing.get(CRL, (req, res) -> send(res, "application/pkix-crl", ca::crl));
    }

    private interface Body {
        byte[] read();
    }

    private static void send(ServerResponse res, String type, Body body) {
        byte[] bytes;
        try {
            bytes = body.read();
        } catch (CairnException e) {
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.CACHE_CONTROL, "no-store")
                    .send("the consortium CA is not available: " + e.error().code());
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, type).header(HeaderNames.CACHE_CONTROL, "max-age=300").send(bytes);
    }
}

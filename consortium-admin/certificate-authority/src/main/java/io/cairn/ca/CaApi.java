package io.cairn.ca;

import io.cairn.http.ApiRequest;
import io.cairn.http.ApiResponse;
import io.cairn.http.ApiService;
import io.cairn.http.BinaryBody;
import io.cairn.http.Endpoint;
import io.cairn.kernel.access.Role;
import io.cairn.membership.Lei;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consortium CA's resources: {@code GET /api/v1/ca/certificate} (PEM), {@code GET /api/v1/ca/crl} (DER,
 * {@code application/pkix-crl}) and {@code GET /api/v1/members/{lei}/certificates}. Every role may read them.
 */
public final class CaApi implements ApiService {
    /** Media type of the CA certificate answer (RFC 8555). */
    public static final String PEM_MEDIA_TYPE = "application/pem-certificate-chain";
    /** Media type of the CRL answer (RFC 2585). */
    public static final String CRL_MEDIA_TYPE = "application/pkix-crl";
    private static final Set<Role> READERS = Role.ALL;

    private final ConsortiumCa ca;

    /** Creates the resource. */
    public CaApi(ConsortiumCa ca) {
        this.ca = ca;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v1/ca/certificate", "getCaCertificate")
                        .summary("The consortium CA certificate, PEM (the trust anchor of member certificates)")
                        .roles(READERS).response(BinaryBody.class).handler(r -> caCertificate()),
                Endpoint.of("GET", "/api/v1/ca/crl", "getCrl")
                        .summary("The latest certificate revocation list, DER")
                        .roles(READERS).response(BinaryBody.class).handler(r -> crl()),
                Endpoint.of("GET", "/api/v1/members/{lei}/certificates", "listMemberCertificates")
                        .summary("Certificates the consortium CA issued to a member, with their revocation state")
                        .roles(READERS).response(CaViews.CertificateList.class).handler(this::memberCertificates));
    }

    private ApiResponse caCertificate() {
        byte[] pem = ca.certificatePem().getBytes(StandardCharsets.US_ASCII);
        return ApiResponse.binary(PEM_MEDIA_TYPE, Map.of("Content-Disposition", "attachment; filename=\"consortium-ca.pem\""),
                out -> out.write(pem));
    }

    private ApiResponse crl() {
        byte[] der = ca.crl();
        return ApiResponse.binary(CRL_MEDIA_TYPE, Map.of("Content-Disposition", "attachment; filename=\"consortium.crl\""),
                out -> out.write(der));
    }

    private ApiResponse memberCertificates(ApiRequest r) {
        Lei lei = Lei.of(r.path("lei"));
        return ApiResponse.ok(new CaViews.CertificateList(lei.value(),
                ca.certificatesOf(lei.value()).stream().map(CaViews.CertificateView::of).toList()));
    }
}

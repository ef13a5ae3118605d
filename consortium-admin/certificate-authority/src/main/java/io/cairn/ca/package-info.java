/**
 * The consortium certificate authority: a self-signed CA certificate made once over a {@link io.cairn.ca.CaKey}
 * (held by the signing service), member certificates issued from the applicants' PKCS#10 requests with a
 * subject taken from the member record, revocation and suspension (RFC 5280 reason codes), the DER CRL with a
 * stored, monotonic CRL number, the {@code /api/v1/ca} resources, and the membership workflow's
 * {@link io.cairn.membership.CertificateIssuer} over it. Everything lives in the {@code ca} schema.
 */
package io.cairn.ca;

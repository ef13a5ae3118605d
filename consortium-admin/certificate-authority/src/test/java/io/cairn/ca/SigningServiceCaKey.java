package io.cairn.ca;

import io.cairn.kernel.access.Principal;
import io.cairn.signing.KeyPurpose;
import io.cairn.signing.ManagedKey;
import io.cairn.signing.SignBody;
import io.cairn.signing.SigningRequest;
import io.cairn.signing.SigningService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The CA key adapter the appliance wires: a P-256 signing-service key of purpose {@code certificate-authority}
 * without dual control. Each signature is one signing request over SHA-256 of the to-be-signed bytes, with the
 * digest as idempotency key, journaled by the signing service; the DER signature is what X.509 carries.
 */
final class SigningServiceCaKey implements CaKey {
    private final SigningService service;
    private final String alias;
    private final Principal requester;

    SigningServiceCaKey(SigningService service, String alias, Principal requester) {
        this.service = service;
        this.alias = alias;
        this.requester = requester;
    }

    @Override
    public String algorithm() {
        return SHA256_WITH_ECDSA;
    }

    @Override
    public PublicKey publicKey() {
        ManagedKey key = service.keys().require(alias);
        return CaKey.publicKey(key.current().publicKey().subjectPublicKeyInfo());
    }

    @Override
    public byte[] sign(byte[] tbsBytes) {
        String digest = HexFormat.of().formatHex(sha256(tbsBytes));
        SigningRequest signed = service.sign(alias, requester, "ca-" + digest,
                new SignBody(KeyPurpose.CERTIFICATE_AUTHORITY.label(), digest, Optional.empty()));
        String der = signed.signature().flatMap(s -> s.der()).orElseThrow(() -> new IllegalStateException(
                "the CA key '" + alias + "' did not sign at once (state " + signed.state() + "); it must not need approvals"));
        return HexFormat.of().parseHex(der);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

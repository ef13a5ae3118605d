package io.cairn.appliance;

import io.cairn.ca.CaKey;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Principal;
import io.cairn.kernel.access.Role;
import io.cairn.signing.KeyPurpose;
import io.cairn.signing.ManagedKey;
import io.cairn.signing.NewKey;
import io.cairn.signing.SignBody;
import io.cairn.signing.SigningRequest;
import io.cairn.signing.SigningService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The consortium CA's key: a P-256 signing-service key {@value #ALIAS} of purpose {@code certificate-authority},
 * created in the system-keys backend ({@code signing.system-keys-backend}) the first time the CA needs it. Every
 * certificate and CRL signature is a signing request over SHA-256 of the to-be-signed bytes, so the signing
 * service's policy applies and each signature is journaled before the CA uses it.
 */
final class ConsortiumCaKey implements CaKey {
    static final String ALIAS = "consortium-ca";
    private static final Principal CA = Principal.system("consortium-ca", Set.of(Role.OPERATOR));
    private final SigningService signing;
    private final String backend;

    ConsortiumCaKey(SigningService signing, String backend) {
        this.signing = signing;
        this.backend = backend;
    }

    @Override
    public String algorithm() {
        return SHA256_WITH_ECDSA;
    }

    @Override
    public PublicKey publicKey() {
        return CaKey.publicKey(key().current().publicKey().subjectPublicKeyInfo());
    }

    @Override
    public byte[] sign(byte[] tbsBytes) {
        key();
        String digest = HexFormat.of().formatHex(sha256(tbsBytes));
        SigningRequest signed = signing.sign(ALIAS, CA, "ca-" + digest,
                new SignBody(KeyPurpose.CERTIFICATE_AUTHORITY.label(), digest, Optional.empty()));
        return HexFormat.of().parseHex(signed.signature().flatMap(s -> s.der()).orElseThrow(() ->
                new CairnException(ErrorCode.SIGN_POLICY_DENIED, "the consortium CA key '" + ALIAS
                        + "' must sign without approvals; its request is " + signed.state().label())));
    }

    private ManagedKey key() {
        return signing.keys().find(ALIAS).orElseGet(this::create);
    }

    /** Creates the key; another instance creating it at the same moment wins and its key is used. */
    private synchronized ManagedKey create() {
        Optional<ManagedKey> existing = signing.keys().find(ALIAS);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return signing.lifecycle().create(new NewKey(ALIAS, backend, "p-256",
                    KeyPurpose.CERTIFICATE_AUTHORITY.label(), Optional.empty()), CA.username());
        } catch (CairnException e) {
            return signing.keys().find(ALIAS).orElseThrow(() -> e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

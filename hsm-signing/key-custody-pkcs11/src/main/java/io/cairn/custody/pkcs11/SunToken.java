package io.cairn.custody.pkcs11;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The token as seen through the JDK's SunPKCS11 provider: generates ECDSA keys as sensitive,
 * non-extractable token objects, stores each with a self-signed certificate (the provider's key store lists
 * only keys that have one, under the key id as alias) and signs 32-byte digests with
 * {@code NONEwithECDSAinP1363Format}.
 */
final class SunToken {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Provider provider;
    private final KeyStore keyStore;
    private final SignaturePool signatures;
    private final ConcurrentMap<String, TokenKey> keys = new ConcurrentHashMap<>();

    private record TokenKey(PrivateKey key, Curve curve) {
    }

    private SunToken(Provider provider, KeyStore keyStore, SignaturePool signatures) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.signatures = signatures;
    }

    /** A provider for the token in {@code slotId}, logged in; fails closed without echoing the PIN. */
    static SunToken open(Pkcs11Options options, long slotId) {
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure("--" + configuration(options, slotId));
        } catch (RuntimeException e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "SunPKCS11 cannot use the PKCS#11 library " + options.library(), e);
        }
        char[] pin = options.pin().chars();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new SunToken(provider, keyStore, new SignaturePool(provider, options.poolSize()));
        } catch (IOException | GeneralSecurityException e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "login to PKCS#11 token '" + options.tokenLabel() + "' through SunPKCS11 failed");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static String configuration(Pkcs11Options options, long slotId) {
        return String.join("\n",
                "name = cairn-" + INSTANCES.incrementAndGet(),
                "library = \"" + options.library().toAbsolutePath() + "\"",
                "slot = " + slotId,
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_TOKEN = true",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "  CKA_SIGN = true",
                "}",
                "attributes(generate, CKO_PUBLIC_KEY, *) = {",
                "  CKA_TOKEN = false",
                "}",
                "");
    }

    /** Generates a key pair on the token and stores it under {@code id} with its certificate. */
    EncodedPublicKey generate(String id, String label, Curve curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec(curve.jcaName()));
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = SelfSignedCertificate.create(label, pair, provider);
        keyStore.setKeyEntry(id, pair.getPrivate(), null, new Certificate[] {certificate});
        EncodedPublicKey publicKey = publicKey(certificate);
        keys.put(id, new TokenKey(pair.getPrivate(), curve));
        return publicKey;
    }

    /** The certificate stored with the key, if the token has the key. */
    Optional<X509Certificate> certificate(String id) throws GeneralSecurityException {
        return keyStore.isKeyEntry(id) ? Optional.ofNullable((X509Certificate) keyStore.getCertificate(id))
                : Optional.empty();
    }

    /** Signs a digest; empty when the token has no such key. */
    Optional<EcdsaSignature> sign(String id, byte[] digest) throws GeneralSecurityException {
        TokenKey key = keys.get(id);
        if (key == null) {
            Optional<TokenKey> loaded = load(id);
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            key = loaded.get();
            keys.put(id, key);
        }
        Signature signature = signatures.take();
        try {
            signature.initSign(key.key());
            signature.update(digest);
            return Optional.of(EcdsaSignature.fromConcatenated(key.curve(), signature.sign()).toLowS());
        } finally {
            signatures.giveBack(signature);
        }
    }

    /** Deletes the key and its certificate; false when there was none. */
    boolean delete(String id) throws GeneralSecurityException {
        keys.remove(id);
        if (!keyStore.containsAlias(id)) {
            return false;
        }
        keyStore.deleteEntry(id);
        return true;
    }

    /** Whether the provider still reaches the token. */
    boolean answers() {
        try {
            keyStore.containsAlias("cairn-health-probe");
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The public key in a certificate made by {@link SelfSignedCertificate}. */
    static EncodedPublicKey publicKey(X509Certificate certificate) {
        return EncodedPublicKey.fromSubjectPublicKeyInfo(certificate.getPublicKey().getEncoded())
                .orElseThrow(() -> new CairnException(ErrorCode.SIGN_CURVE_NOT_SUPPORTED,
                        "the token key's curve is not one Cairn signs with"));
    }

    /** The label in a certificate made by {@link SelfSignedCertificate}. */
    static String label(X509Certificate certificate) {
        return SelfSignedCertificate.label(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    private Optional<TokenKey> load(String id) throws GeneralSecurityException {
        Key key = keyStore.isKeyEntry(id) ? keyStore.getKey(id, null) : null;
        if (!(key instanceof PrivateKey privateKey)) {
            return Optional.empty();
        }
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(id);
        return Optional.of(new TokenKey(privateKey, publicKey(certificate).curve()));
    }
}

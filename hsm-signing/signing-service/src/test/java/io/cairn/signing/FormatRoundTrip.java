package io.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.custody.software.InMemorySealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.http.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Random;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A ledger format driven the way the signing service drives it (bind to the key's curve, prepare, sign the
 * prepared bytes in a software custody: a digest for ECDSA, a message for Ed25519, assemble), plus a JCA verifier.
 */
final class FormatRoundTrip {
    private static final Provider BC = new BouncyCastleProvider();
    final SoftwareKeyCustody custody = new SoftwareKeyCustody(new InMemorySealedKeyRepository(), MasterKey.random(),
            true, Clock.systemUTC());

    KeyHandle generate(Curve curve) {
        return custody.generate(new KeySpec("test", curve)).handle();
    }

    KeyHandle importKey(Curve curve, BigInteger scalar) {
        byte[] b = scalar.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return custody.importKey(new KeySpec("imported", curve), out).handle();
    }

    EncodedPublicKey publicKey(KeyHandle handle) {
        return custody.publicKey(handle);
    }

    /** The format's answer for {@code transaction} signed by {@code handle}. */
    JsonNode sign(LedgerFormat format, KeyHandle handle, JsonNode transaction) {
        EncodedPublicKey key = custody.publicKey(handle);
        JsonNode bound = format.bind(transaction, key.curve());
        byte[] digest = format.prepare(bound).digest();
        SignatureValue signature = custody.sign(handle,
                key.curve().isEcdsa() ? SigningInput.digest(digest) : SigningInput.message(digest));
        return format.assemble(bound, key, signature);
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A replayable random private scalar on {@code curve}. */
    static BigInteger scalar(Random random, Curve curve) {
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.compareTo(curve.order()) >= 0);
        return k;
    }

    static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Verifies with a standard JCA verifier: SunEC for P-256 and Ed25519, BouncyCastle's provider for secp256k1. */
    static boolean verify(String algorithm, byte[] subjectPublicKeyInfo, byte[] data, byte[] signature) {
        try {
            Curve curve = EncodedPublicKey.fromSubjectPublicKeyInfo(subjectPublicKeyInfo).orElseThrow().curve();
            Signature verifier = curve == Curve.SECP256K1 ? Signature.getInstance(algorithm, BC)
                    : Signature.getInstance(algorithm);
            KeyFactory factory = switch (curve) {
                case ED25519 -> KeyFactory.getInstance("Ed25519");
                case P256 -> KeyFactory.getInstance("EC");
                case SECP256K1 -> KeyFactory.getInstance("EC", BC);
            };
            verifier.initVerify(factory.generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo)));
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

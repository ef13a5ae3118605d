package io.cairn.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;

/** Real key pairs for tests, and a {@link CaKey} over an in-memory key pair. */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair ec(String curve) {
        return generate("EC", g -> g.initialize(new ECGenParameterSpec(curve)));
    }

    static KeyPair ed25519() {
        return generate("Ed25519", g -> {
        });
    }

    static KeyPair rsa(int bits, long exponent) {
        return generate("RSA", g -> g.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(exponent))));
    }

    /** A CA key over a JCA key pair: P-256 ECDSA or Ed25519. */
    static CaKey caKey(KeyPair pair) {
        String algorithm = pair.getPublic().getAlgorithm().equals("EC") ? CaKey.SHA256_WITH_ECDSA : CaKey.ED25519;
        return new CaKey() {
            @Override
            public String algorithm() {
                return algorithm;
            }

            @Override
            public PublicKey publicKey() {
                return pair.getPublic();
            }

            @Override
            public byte[] sign(byte[] tbsBytes) {
                try {
                    Signature signature = Signature.getInstance(algorithm);
                    signature.initSign(pair.getPrivate());
                    signature.update(tbsBytes);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private interface Init {
        void apply(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair generate(String algorithm, Init init) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            init.apply(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

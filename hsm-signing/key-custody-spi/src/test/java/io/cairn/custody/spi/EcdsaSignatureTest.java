package io.cairn.custody.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EcdsaSignatureTest {

    @Test
    void derEncodingIsWhatTheJdkVerifies() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        for (int i = 0; i < 50; i++) {
            byte[] message = ("message " + i).getBytes();
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            EcdsaSignature sig = EcdsaSignature.fromConcatenated(Curve.P256, signer.sign());

            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            assertThat(verifier.verify(sig.der())).isTrue();
        }
    }

    @Test
    void jdkDerSignaturesParseToTheSameIntegers() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        for (int i = 0; i < 50; i++) {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(new byte[] {(byte) i});
            byte[] der = signer.sign();
            EcdsaSignature sig = EcdsaSignature.fromDer(Curve.P256, der);
            assertThat(sig.der()).isEqualTo(der);
            assertThat(EcdsaSignature.fromConcatenated(Curve.P256, sig.concatenated())).isEqualTo(sig);
        }
    }

    @Test
    void lowSNormalisationFlipsOnlyHighValues() {
        Random random = new Random(7);
        for (Curve curve : new Curve[] {Curve.SECP256K1, Curve.P256}) {
            BigInteger n = curve.order();
            for (int i = 0; i < 200; i++) {
                BigInteger r = new BigInteger(255, random).add(BigInteger.ONE);
                BigInteger s = new BigInteger(256, random).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
                EcdsaSignature sig = new EcdsaSignature(curve, r, s);
                EcdsaSignature low = sig.toLowS();
                assertThat(low.isLowS()).isTrue();
                assertThat(low.r()).isEqualTo(r);
                assertThat(low.s()).isEqualTo(s.compareTo(n.shiftRight(1)) > 0 ? n.subtract(s) : s);
                assertThat(low.toLowS()).isEqualTo(low);
            }
        }
    }

    @Test
    void encodingsRoundTripForRandomAndEdgeValues() {
        Random random = new Random(11);
        for (Curve curve : new Curve[] {Curve.SECP256K1, Curve.P256}) {
            BigInteger n = curve.order();
            List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(127),
                    BigInteger.valueOf(128), n.shiftRight(1), n.shiftRight(1).add(BigInteger.ONE), n.subtract(BigInteger.ONE)));
            for (int i = 0; i < 300; i++) {
                values.add(new BigInteger(random.nextInt(1, 257), random).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE));
            }
            for (int i = 0; i < values.size(); i++) {
                EcdsaSignature sig = new EcdsaSignature(curve, values.get(i), values.get(values.size() - 1 - i));
                assertThat(EcdsaSignature.fromDer(curve, sig.der())).isEqualTo(sig);
                assertThat(EcdsaSignature.fromConcatenated(curve, sig.concatenated())).isEqualTo(sig);
                assertThat(sig.der().length).isBetween(8, 72);
            }
        }
    }

    @Test
    void halfOrderIsLowAndOneAboveIsHigh() {
        BigInteger half = Curve.SECP256K1.order().shiftRight(1);
        assertThat(new EcdsaSignature(Curve.SECP256K1, BigInteger.ONE, half).isLowS()).isTrue();
        assertThat(new EcdsaSignature(Curve.SECP256K1, BigInteger.ONE, half.add(BigInteger.ONE)).isLowS()).isFalse();
    }

    @Test
    void valuesOutsideTheGroupAreRefused() {
        assertThatThrownBy(() -> new EcdsaSignature(Curve.P256, BigInteger.ZERO, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EcdsaSignature(Curve.P256, BigInteger.ONE, Curve.P256.order()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EcdsaSignature(Curve.ED25519, BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedDerIsRefused() {
        assertThatThrownBy(() -> EcdsaSignature.fromDer(Curve.P256, new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x02, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcdsaSignature.fromDer(Curve.P256, new byte[] {0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

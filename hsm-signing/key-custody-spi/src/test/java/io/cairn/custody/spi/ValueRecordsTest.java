package io.cairn.custody.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    @Test
    void digestsMustBe32Bytes() {
        assertThatThrownBy(() -> SigningInput.digest(new byte[31]))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
        assertThat(SigningInput.digest(new byte[32]).bytes()).hasSize(32);
    }

    @Test
    void messagesAreNeverEmpty() {
        assertThatThrownBy(() -> SigningInput.message(new byte[0]))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_INVALID_INPUT));
        assertThat(SigningInput.message(new byte[1]).bytes()).hasSize(1);
    }

    @Test
    void inputsAreCopiedOnTheWayInAndOut() {
        byte[] digest = new byte[32];
        SigningInput input = SigningInput.digest(digest);
        digest[0] = 1;
        input.bytes()[1] = 1;
        assertThat(input.bytes()).containsOnly(0);
    }

    @Test
    void labelsAreChecked() {
        assertThat(new KeySpec("ledger-key.1", Curve.P256).label()).isEqualTo("ledger-key.1");
        assertThatThrownBy(() -> new KeySpec("bad label", Curve.P256)).isInstanceOf(CairnException.class);
        assertThatThrownBy(() -> new KeySpec("", Curve.P256)).isInstanceOf(CairnException.class);
    }

    @Test
    void p256SubjectPublicKeyInfoIsWhatTheJdkEncodes() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        EncodedPublicKey key = new EncodedPublicKey(Curve.P256, Arrays.copyOfRange(spki, spki.length - 65, spki.length));
        assertThat(key.subjectPublicKeyInfo()).isEqualTo(spki);
        assertThat(EncodedPublicKey.fromSubjectPublicKeyInfo(spki)).contains(key);
        ECPublicKey decoded = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(key.subjectPublicKeyInfo()));
        assertThat(decoded.getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    }

    @Test
    void ed25519SubjectPublicKeyInfoIsWhatTheJdkEncodes() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        EncodedPublicKey key = new EncodedPublicKey(Curve.ED25519, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        assertThat(key.subjectPublicKeyInfo()).isEqualTo(spki);
        assertThat(EncodedPublicKey.fromSubjectPublicKeyInfo(spki)).contains(key);
        assertThat(EncodedPublicKey.fromSubjectPublicKeyInfo(java.util.Arrays.copyOf(spki, 40))).isEmpty();
    }

    @Test
    void publicKeysHaveTheirCurvesLength() {
        assertThatThrownBy(() -> new EncodedPublicKey(Curve.SECP256K1, new byte[64]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] compressed = new byte[65];
        compressed[0] = 0x02;
        assertThatThrownBy(() -> new EncodedPublicKey(Curve.P256, compressed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void curvesAreFoundByTheirCommonNames() {
        assertThat(Curve.fromLabel("secp256r1")).contains(Curve.P256);
        assertThat(Curve.fromLabel("P-256")).contains(Curve.P256);
        assertThat(Curve.fromLabel("SECP256K1")).contains(Curve.SECP256K1);
        assertThat(Curve.fromLabel("Ed25519")).contains(Curve.ED25519);
        assertThat(Curve.fromLabel("ed448")).isEmpty();
    }
}

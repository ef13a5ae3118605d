package io.cairn.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM payload storage: round trip, fresh nonces, refusal of tampered or moved ciphertexts. */
class PayloadCipherTest {
    private static final byte[] PAYLOAD = "{\"amount\":5}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void encryptedPayloadsRoundTripWithFreshNonces() {
        PayloadCipher cipher = PayloadCipher.withKey(new byte[32]);
        PayloadCipher.Sealed a = cipher.seal("app", "m1", PAYLOAD);
        PayloadCipher.Sealed b = cipher.seal("app", "m1", PAYLOAD);
        assertThat(a.nonce().orElseThrow()).hasSize(12).isNotEqualTo(b.nonce().orElseThrow());
        assertThat(a.content()).hasSize(PAYLOAD.length + 16).isNotEqualTo(b.content());
        assertThat(cipher.open("app", "m1", a)).isEqualTo(PAYLOAD);
    }

    @Test
    void tamperedContentNonceOrContextIsRefused() {
        PayloadCipher cipher = PayloadCipher.withKey(new byte[32]);
        PayloadCipher.Sealed sealed = cipher.seal("app", "m1", PAYLOAD);
        byte[] flipped = sealed.content().clone();
        flipped[3] ^= 0x01;
        byte[] nonce = sealed.nonce().orElseThrow().clone();
        nonce[0] ^= 0x01;
        assertUnreadable(() -> cipher.open("app", "m1", new PayloadCipher.Sealed(sealed.nonce(), flipped)));
        assertUnreadable(() -> cipher.open("app", "m1", new PayloadCipher.Sealed(Optional.of(nonce), sealed.content())));
        assertUnreadable(() -> cipher.open("app", "m2", sealed));
        assertUnreadable(() -> cipher.open("other", "m1", sealed));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertUnreadable(() -> PayloadCipher.withKey(otherKey).open("app", "m1", sealed));
        assertUnreadable(() -> PayloadCipher.plaintext().open("app", "m1", sealed));
    }

    @Test
    void plaintextStorageKeepsTheBytes() {
        PayloadCipher.Sealed sealed = PayloadCipher.plaintext().seal("app", "m1", PAYLOAD);
        assertThat(sealed.nonce()).isEmpty();
        assertThat(sealed.content()).isEqualTo(PAYLOAD);
        assertThat(PayloadCipher.plaintext().encrypts()).isFalse();
    }

    @Test
    void aMissingKeyFileIsGeneratedOwnerOnlyAndReadBack() throws Exception {
        Path file = dir.resolve("keys/payload.key");
        PayloadCipher first = PayloadCipher.fromKeyFile(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        PayloadCipher.Sealed sealed = first.seal("app", "m1", PAYLOAD);
        assertThat(PayloadCipher.fromKeyFile(file).open("app", "m1", sealed)).isEqualTo(PAYLOAD);
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("open.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PayloadCipher.fromKeyFile(file)).isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).error()).isEqualTo(ErrorCode.CONF_INVALID_VALUE);
    }

    private static void assertUnreadable(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(CairnException.class)
                .extracting(e -> ((CairnException) e).error()).isEqualTo(ErrorCode.JOURNAL_PAYLOAD_UNREADABLE);
    }
}

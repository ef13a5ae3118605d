package io.cairn.custody.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigCatalogue;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoftwareCustodyTest {
    /** The master key is configured directly in these tests, so no key file is ever read or written. */
    private static final java.nio.file.Path NO_KEY_FILE = java.nio.file.Path.of("unused-master.key");

    private static final byte[] SCALAR = HexFormat.of().parseHex(
            "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");

    private final InMemorySealedKeyRepository repository = new InMemorySealedKeyRepository();
    private final MasterKey masterKey = MasterKey.random();

    @Test
    void importIsRefusedByDefault() {
        CairnConfig config = CairnConfig.of(ConfigCatalogue.of(SoftwareCustodySettings.OPTIONS),
                Map.of("signing.software.master-key", java.util.Base64.getEncoder().encodeToString(new byte[32])));
        SoftwareKeyCustody custody = SoftwareKeyCustody.from(config, repository, NO_KEY_FILE);
        assertThatThrownBy(() -> custody.importKey(new KeySpec("imported", Curve.P256), SCALAR))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_IMPORT_NOT_ALLOWED));
    }

    @Test
    void importIsAllowedWhenConfigured() {
        CairnConfig config = CairnConfig.of(ConfigCatalogue.of(SoftwareCustodySettings.OPTIONS), Map.of(
                "signing.software.master-key", java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "signing.software.allow-import", "true"));
        KeyMaterialInfo key = SoftwareKeyCustody.from(config, repository, NO_KEY_FILE)
                .importKey(new KeySpec("imported", Curve.SECP256K1), SCALAR);
        assertThat(key.attestation().generatedInCustody()).isFalse();
        assertThat(key.attestation().evidence()).containsEntry("imported", "true");
    }

    @Test
    void storedKeysAreSealedNotPlain() {
        SoftwareKeyCustody custody = new SoftwareKeyCustody(repository, masterKey, true, Clock.systemUTC());
        KeyMaterialInfo key = custody.importKey(new KeySpec("sealed", Curve.P256), SCALAR);
        byte[] sealed = repository.find(key.handle().id()).orElseThrow().sealed().orElseThrow();
        assertThat(sealed).hasSize(12 + 32 + 16);
        assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(SCALAR).substring(0, 16));
    }

    @Test
    void anotherMasterKeyCannotUnseal() {
        SoftwareKeyCustody writer = new SoftwareKeyCustody(repository, masterKey, false, Clock.systemUTC());
        KeyMaterialInfo key = writer.generate(new KeySpec("k", Curve.SECP256K1));
        SoftwareKeyCustody reader = new SoftwareKeyCustody(repository, MasterKey.random(), false, Clock.systemUTC());
        assertThatThrownBy(() -> reader.sign(key.handle(), SigningInput.digest(new byte[32])))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_SEALED_KEY_UNREADABLE));
    }

    @Test
    void aSealedKeyMovedToAnotherRecordDoesNotOpen() {
        SoftwareKeyCustody custody = new SoftwareKeyCustody(repository, masterKey, false, Clock.systemUTC());
        KeyMaterialInfo key = custody.generate(new KeySpec("k", Curve.P256));
        SealedKey original = repository.find(key.handle().id()).orElseThrow();
        repository.insert(new SealedKey("sw-copy", "copy", original.publicKey(), original.sealed(), false,
                original.createdAt(), Optional.empty()));
        SoftwareKeyCustody fresh = new SoftwareKeyCustody(repository, masterKey, false, Clock.systemUTC());
        assertThatThrownBy(() -> fresh.sign(new io.cairn.custody.spi.KeyHandle("software", "sw-copy"),
                SigningInput.digest(new byte[32])))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_SEALED_KEY_UNREADABLE));
    }

    @Test
    void destroyingErasesTheSealedKey() {
        SoftwareKeyCustody custody = new SoftwareKeyCustody(repository, masterKey, false, Clock.systemUTC());
        KeyMaterialInfo key = custody.generate(new KeySpec("k", Curve.ED25519));
        custody.destroy(key.handle());
        SealedKey stored = repository.find(key.handle().id()).orElseThrow();
        assertThat(stored.sealed()).isEmpty();
        assertThat(stored.destroyedAt()).isPresent();
    }

    @Test
    void aClosedCustodyFailsClosed() {
        SoftwareKeyCustody custody = new SoftwareKeyCustody(repository, masterKey, false, Clock.systemUTC());
        KeyMaterialInfo key = custody.generate(new KeySpec("k", Curve.P256));
        custody.close();
        assertThatThrownBy(() -> custody.sign(key.handle(), SigningInput.digest(new byte[32])))
                .isInstanceOfSatisfying(CairnException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE);
                    assertThat(e.error().httpStatus()).isEqualTo(503);
                });
        assertThat(custody.health().up()).isFalse();
    }
}

package io.cairn.custody.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.custody.tck.IndependentVerifier;
import io.cairn.custody.tck.KeyCustodyContract;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PKCS#11 custody against a SoftHSM2 token created for this run: the key custody contract, attributes
 * read back, persistence across provider re-creation and recovery from lost sessions.
 */
@Tag("integration")
class Pkcs11CustodyIT extends KeyCustodyContract {
    private static final String TOKEN = SoftHsm.TOKEN;
    private static final String PIN = SoftHsm.PIN;
    private static SoftHsm softHsm;
    private static Pkcs11KeyCustody custody;

    @BeforeAll
    static void createToken() {
        softHsm = TestTools.softHsm();
        custody = Pkcs11KeyCustody.open(options());
    }

    @AfterAll
    static void closeCustody() {
        if (custody != null) {
            custody.close();
        }
    }

    private static Pkcs11Options options() {
        return softHsm.options(TOKEN, PIN, 4);
    }

    @Override
    protected KeyCustody custody() {
        return custody;
    }

    @Override
    protected KeyCustody reopen() {
        custody.close();
        custody = Pkcs11KeyCustody.open(options());
        return custody;
    }

    @Test
    void offersAllThreeCurvesOnSoftHsm() {
        assertThat(custody.supportedCurves()).containsExactlyInAnyOrder(Curve.values());
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void attestationIsTheTokensOwnAttributes(Curve curve) {
        KeyMaterialInfo key = custody.generate(new KeySpec("attested", curve));
        KeyAttestation attestation = custody.describe(key.handle()).attestation();
        assertThat(attestation.evidence())
                .containsEntry("CKA_TOKEN", "true")
                .containsEntry("CKA_PRIVATE", "true")
                .containsEntry("CKA_SENSITIVE", "true")
                .containsEntry("CKA_ALWAYS_SENSITIVE", "true")
                .containsEntry("CKA_EXTRACTABLE", "false")
                .containsEntry("CKA_NEVER_EXTRACTABLE", "true")
                .containsEntry("CKA_LOCAL", "true")
                .containsEntry("token.label", TOKEN);
        assertThat(attestation.keyNeverLeavesCustody()).isTrue();
        assertThat(custody.describe(key.handle()).spec().label()).isEqualTo("attested");
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void openScPkcs11ToolSeesTheKeySensitiveAndNeverExtractable(Curve curve) throws Exception {
        KeyMaterialInfo key = custody.generate(new KeySpec("seen-by-opensc", curve));
        String listing = OpenScTool.privateKeyEntry(softHsm, TOKEN, PIN, key.handle().id()).orElseThrow();
        assertThat(listing).contains(curve == Curve.ED25519 ? "Private Key Object; EC_EDWARDS" : "Private Key Object; EC")
                .containsPattern("Access:\\s+sensitive, always sensitive, never extractable, local");
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void destroyedKeysAreGoneFromTheToken(Curve curve) throws Exception {
        KeyMaterialInfo key = custody.generate(new KeySpec("doomed", curve));
        custody.destroy(key.handle());
        try (Pkcs11KeyCustody second = Pkcs11KeyCustody.open(options())) {
            assertCode(() -> second.describe(key.handle()), io.cairn.kernel.ErrorCode.SIGN_KEY_NOT_FOUND);
            assertCode(() -> second.sign(key.handle(), input(curve, randomBytes(32))),
                    io.cairn.kernel.ErrorCode.SIGN_KEY_NOT_FOUND);
        }
        assertThat(OpenScTool.privateKeyEntry(softHsm, TOKEN, PIN, key.handle().id())).isEmpty();
    }

    @Test
    void ecdsaKeysAreListedByAFreshSunPkcs11Provider() throws Exception {
        KeyMaterialInfo key = custody.generate(new KeySpec("listed", Curve.SECP256K1));
        Provider provider = Security.getProvider("SunPKCS11").configure("--name = cairn-test-listing\nlibrary = "
                + softHsm.library() + "\nslot = " + slotId() + "\n");
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        keyStore.load(null, PIN.toCharArray());
        assertThat(Collections.list(keyStore.aliases())).contains(key.handle().id());
        assertThat(keyStore.isKeyEntry(key.handle().id())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void keysSurviveRecreatingTheProviders(Curve curve) {
        KeyMaterialInfo key = custody.generate(new KeySpec("persistent", curve));
        try (Pkcs11KeyCustody second = Pkcs11KeyCustody.open(options())) {
            assertThat(second.describe(key.handle()).publicKey()).isEqualTo(key.publicKey());
            byte[] signed = randomBytes(32);
            SignatureValue signature = second.sign(key.handle(), input(curve, signed));
            assertThat(IndependentVerifier.verifies(key.publicKey(), signed, signature)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signingRecoversWhenEverySessionOfTheTokenIsClosed(Curve curve) throws Exception {
        KeyMaterialInfo key = custody.generate(new KeySpec("recovering", curve));
        custody.sign(key.handle(), input(curve, randomBytes(32)));

        TokenLibrary.module(softHsm.library()).getPKCS11Module().C_CloseAllSessions(slotId());

        byte[] signed = randomBytes(32);
        SignatureValue signature = custody.sign(key.handle(), input(curve, signed));
        assertThat(IndependentVerifier.verifies(key.publicKey(), signed, signature)).isTrue();
        assertThat(custody.health().up()).isTrue();
    }

    @Test
    void ed25519IsRefusedWhenSwitchedOff() {
        Pkcs11Options withoutEd = new Pkcs11Options(softHsm.library(), TOKEN, Pin.of(PIN), 2, false);
        try (Pkcs11KeyCustody noEd = Pkcs11KeyCustody.open(withoutEd)) {
            assertThat(noEd.supportedCurves()).doesNotContain(Curve.ED25519);
            assertCode(() -> noEd.generate(new KeySpec("ed", Curve.ED25519)),
                    io.cairn.kernel.ErrorCode.SIGN_CURVE_NOT_SUPPORTED);
            assertCode(() -> noEd.sign(new io.cairn.custody.spi.KeyHandle("pkcs11", "ec-none"),
                    SigningInput.digest(new byte[32])), io.cairn.kernel.ErrorCode.SIGN_KEY_NOT_FOUND);
        }
    }

    private static long slotId() {
        return softHsm.slotId();
    }
}

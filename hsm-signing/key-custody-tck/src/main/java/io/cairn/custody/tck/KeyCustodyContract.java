package io.cairn.custody.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.Protection;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link KeyCustody} backend passes.
 *
 * <p>A backend's test extends this class and provides a configured custody through {@link #custody()}
 * and a way to restart it over the same storage through {@link #reopen()}. The subclass owns the
 * lifecycle (creating tokens, databases, closing instances); this class only calls the SPI.
 */
public abstract class KeyCustodyContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int THREADS = 4;
    private static final int SIGNATURES_PER_THREAD = 50;

    /** The backend under test; the same instance on every call until {@link #reopen()}. */
    protected abstract KeyCustody custody();

    /**
     * Closes the current instance and opens a new one over the same key storage (same token, same
     * database), as after a restart. {@link #custody()} returns the new instance afterwards.
     */
    protected abstract KeyCustody reopen();

    @ParameterizedTest
    @EnumSource(Curve.class)
    void everyCurveIsEitherGeneratedOrRefusedClearly(Curve curve) {
        KeyCustody custody = custody();
        KeySpec spec = new KeySpec("tck-" + curve.label(), curve);
        if (!custody.supportedCurves().contains(curve)) {
            assertCode(() -> custody.generate(spec), ErrorCode.SIGN_CURVE_NOT_SUPPORTED);
            return;
        }
        KeyMaterialInfo info = custody.generate(spec);
        assertThat(info.handle().backend()).isEqualTo(custody.backend());
        assertThat(info.spec()).isEqualTo(spec);
        assertThat(info.publicKey().raw()).hasSize(curve.publicKeyLength());
        KeyMaterialInfo again = custody.describe(info.handle());
        assertThat(again.publicKey()).isEqualTo(info.publicKey());
        assertThat(again.spec()).isEqualTo(spec);
        assertThat(custody.publicKey(info.handle())).isEqualTo(info.publicKey());
    }

    @ParameterizedTest
    @EnumSource(value = Curve.class, names = {"SECP256K1", "P256"})
    void ecdsaSignaturesVerifyIndependentlyAndAreLowS(Curve curve) {
        KeyMaterialInfo key = generateOrSkip(curve);
        for (int i = 0; i < 64; i++) {
            byte[] digest = randomBytes(32);
            SignatureValue signature = custody().sign(key.handle(), SigningInput.digest(digest));
            assertThat(signature).isInstanceOf(EcdsaSignature.class);
            assertThat(((EcdsaSignature) signature).isLowS()).as("low-S").isTrue();
            assertThat(IndependentVerifier.verifies(key.publicKey(), digest, signature)).isTrue();
            digest[i % 32] ^= 1;
            assertThat(IndependentVerifier.verifies(key.publicKey(), digest, signature)).isFalse();
        }
    }

    @Test
    void ed25519SignaturesVerifyIndependently() {
        KeyMaterialInfo key = generateOrSkip(Curve.ED25519);
        for (int length : new int[] {1, 32, 33, 1000, 65_536}) {
            byte[] message = randomBytes(length);
            SignatureValue signature = custody().sign(key.handle(), SigningInput.message(message));
            assertThat(signature).isInstanceOf(Ed25519Signature.class);
            assertThat(IndependentVerifier.verifies(key.publicKey(), message, signature)).isTrue();
            byte[] other = java.util.Arrays.copyOf(message, length + 1);
            assertThat(IndependentVerifier.verifies(key.publicKey(), other, signature)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void distinctKeysHaveDistinctHandlesAndPublicKeys(Curve curve) {
        KeyMaterialInfo first = generateOrSkip(curve);
        KeyMaterialInfo second = custody().generate(new KeySpec("tck-second", curve));
        assertThat(second.handle()).isNotEqualTo(first.handle());
        assertThat(second.publicKey()).isNotEqualTo(first.publicKey());
        byte[] signed = curve.isEcdsa() ? randomBytes(32) : randomBytes(40);
        SignatureValue signature = custody().sign(second.handle(), input(curve, signed));
        assertThat(IndependentVerifier.verifies(second.publicKey(), signed, signature)).isTrue();
        assertThat(IndependentVerifier.verifies(first.publicKey(), signed, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void attestationMatchesWhatTheBackendClaims(Curve curve) {
        KeyMaterialInfo key = generateOrSkip(curve);
        KeyAttestation attestation = custody().describe(key.handle()).attestation();
        assertThat(attestation.protection()).isEqualTo(custody().protection());
        if (custody().protection() == Protection.HARDWARE) {
            assertThat(attestation.onToken()).as("on token").isTrue();
            assertThat(attestation.sensitive()).as("sensitive").isTrue();
            assertThat(attestation.nonExtractable()).as("non-extractable").isTrue();
            assertThat(attestation.generatedInCustody()).as("generated in custody").isTrue();
            assertThat(attestation.evidence()).isNotEmpty();
        } else if (custody().protection() == Protection.SOFTWARE) {
            assertThat(attestation.keyNeverLeavesCustody()).as("a software store cannot promise that").isFalse();
        }
    }

    @Test
    void unknownKeysAreNotFound() {
        KeyHandle unknown = new KeyHandle(custody().backend(), "tck-no-such-key");
        assertCode(() -> custody().sign(unknown, SigningInput.digest(new byte[32])), ErrorCode.SIGN_KEY_NOT_FOUND);
        assertCode(() -> custody().describe(unknown), ErrorCode.SIGN_KEY_NOT_FOUND);
        assertCode(() -> custody().destroy(unknown), ErrorCode.SIGN_KEY_NOT_FOUND);
    }

    @Test
    void handlesOfAnotherBackendAreNotFound() {
        KeyMaterialInfo key = generateOrSkip(firstSupported());
        KeyHandle foreign = new KeyHandle(custody().backend() + "-other", key.handle().id());
        assertCode(() -> custody().describe(foreign), ErrorCode.SIGN_KEY_NOT_FOUND);
        assertCode(() -> custody().sign(foreign, input(key.curve(), randomBytes(32))), ErrorCode.SIGN_KEY_NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void destroyedKeysRefuseToSign(Curve curve) {
        KeyMaterialInfo key = generateOrSkip(curve);
        byte[] signed = randomBytes(32);
        custody().sign(key.handle(), input(curve, signed));
        custody().destroy(key.handle());
        assertCode(() -> custody().sign(key.handle(), input(curve, signed)), ErrorCode.SIGN_KEY_DESTROYED);
        assertCode(() -> custody().describe(key.handle()), ErrorCode.SIGN_KEY_DESTROYED);
        assertThatCode(() -> custody().destroy(key.handle())).doesNotThrowAnyException();
    }

    @Test
    void inputsOfTheWrongKindAreRefused() {
        for (Curve curve : custody().supportedCurves()) {
            KeyMaterialInfo key = custody().generate(new KeySpec("tck-kind", curve));
            SigningInput wrong = curve.isEcdsa() ? SigningInput.message(randomBytes(32)) : SigningInput.digest(randomBytes(32));
            assertCode(() -> custody().sign(key.handle(), wrong), ErrorCode.SIGN_INVALID_INPUT);
        }
    }

    @Test
    void severalThreadsSignConcurrently() throws Exception {
        List<KeyMaterialInfo> keys = new ArrayList<>();
        for (Curve curve : custody().supportedCurves()) {
            keys.add(custody().generate(new KeySpec("tck-concurrent", curve)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> signMany(keys, start)));
            }
            start.countDown();
            int verified = 0;
            for (Future<Integer> result : results) {
                verified += result.get(120, TimeUnit.SECONDS);
            }
            assertThat(verified).isEqualTo(THREADS * SIGNATURES_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void publicKeysAndSigningSurviveARestart() {
        Map<Curve, KeyMaterialInfo> before = new EnumMap<>(Curve.class);
        for (Curve curve : custody().supportedCurves()) {
            before.put(curve, custody().generate(new KeySpec("tck-restart", curve)));
        }
        KeyCustody reopened = reopen();
        assertThat(custody()).isSameAs(reopened);
        for (KeyMaterialInfo key : before.values()) {
            assertThat(reopened.describe(key.handle()).publicKey()).isEqualTo(key.publicKey());
            byte[] signed = randomBytes(32);
            SignatureValue signature = reopened.sign(key.handle(), input(key.curve(), signed));
            assertThat(IndependentVerifier.verifies(key.publicKey(), signed, signature)).isTrue();
        }
    }

    @Test
    void healthIsUpAndNamesTheBackend() {
        assertThat(custody().health().up()).isTrue();
        assertThat(custody().health().backend()).isEqualTo(custody().backend());
    }

    @Test
    void supportsAtLeastOneCurve() {
        assertThat(custody().supportedCurves()).isNotEmpty();
    }

    private int signMany(List<KeyMaterialInfo> keys, CountDownLatch start) throws InterruptedException {
        start.await();
        int verified = 0;
        for (int i = 0; i < SIGNATURES_PER_THREAD; i++) {
            KeyMaterialInfo key = keys.get(i % keys.size());
            byte[] signed = randomBytes(32);
            SignatureValue signature = custody().sign(key.handle(), input(key.curve(), signed));
            if (IndependentVerifier.verifies(key.publicKey(), signed, signature)) {
                verified++;
            }
        }
        return verified;
    }

    /** Generates a key on {@code curve}, or skips the test when the backend does not offer the curve. */
    protected KeyMaterialInfo generateOrSkip(Curve curve) {
        assumeTrue(custody().supportedCurves().contains(curve), () -> custody().backend() + " does not offer " + curve);
        return custody().generate(new KeySpec("tck-" + curve.label(), curve));
    }

    /** The input kind a key on {@code curve} signs: a digest for ECDSA, a message for Ed25519. */
    protected static SigningInput input(Curve curve, byte[] bytes) {
        return curve.isEcdsa() ? SigningInput.digest(bytes) : SigningInput.message(bytes);
    }

    /** Asserts that {@code call} throws a {@link CairnException} with {@code code}. */
    protected static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(code));
    }

    /** Fresh random bytes. */
    protected static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Curve firstSupported() {
        return custody().supportedCurves().stream().sorted().findFirst().orElseThrow();
    }
}

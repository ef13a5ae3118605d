package io.cairn.custody.benchmarks;

import io.cairn.custody.pkcs11.Pkcs11KeyCustody;
import io.cairn.custody.pkcs11.SoftHsm;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PKCS#11 custody against a SoftHSM2 token created by this benchmark's setup, beside the raw
 * SunPKCS11 loop (one {@code NONEwithECDSAinP1363Format} signature object per thread) signing with the
 * very same token key. Needs {@code SOFTHSM2_CONF} set to a writable path before the JVM starts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class Pkcs11SigningBenchmark {
    /** The curve. */
    @Param({"P256", "SECP256K1"})
    public String curve;

    private Pkcs11KeyCustody custody;
    private KeyHandle handle;
    private Provider rawProvider;
    private PrivateKey rawKey;

    /** Creates the token, the custody, one key, and a separate SunPKCS11 provider for the baseline. */
    @Setup
    public void setUp() throws Exception {
        SoftHsm.missing().ifPresent(reason -> {
            throw new IllegalStateException("SoftHSM2 is needed for this benchmark: " + reason);
        });
        SoftHsm softHsm = SoftHsm.shared();
        custody = Pkcs11KeyCustody.open(softHsm.options(4));
        handle = custody.generate(new KeySpec("benchmark", Curve.valueOf(curve))).handle();
        rawProvider = Security.getProvider("SunPKCS11").configure("--name = raw-baseline\nlibrary = "
                + softHsm.library() + "\nslot = " + softHsm.slotId() + "\n");
        KeyStore keyStore = KeyStore.getInstance("PKCS11", rawProvider);
        keyStore.load(null, SoftHsm.PIN.toCharArray());
        rawKey = (PrivateKey) keyStore.getKey(handle.id(), null);
    }

    /** Destroys the key and closes the custody. */
    @TearDown
    public void tearDown() {
        custody.destroy(handle);
        custody.close();
    }

    /** A signature object of the raw provider for one thread. */
    @State(Scope.Thread)
    public static class RawSigner {
        Signature signature;

        /** Creates and initialises the thread's signature object. */
        @Setup
        public void setUp(Pkcs11SigningBenchmark benchmark) throws GeneralSecurityException {
            signature = Signature.getInstance("NONEwithECDSAinP1363Format", benchmark.rawProvider);
            signature.initSign(benchmark.rawKey);
        }
    }

    /** One signature through the PKCS#11 custody (pooled signature objects, low-S, handle checks). */
    @Benchmark
    public SignatureValue custody(Digests digests) {
        return custody.sign(handle, SigningInput.digest(digests.next()));
    }

    /** One signature with SunPKCS11 directly, same key. */
    @Benchmark
    public byte[] sunPkcs11Raw(RawSigner raw, Digests digests) throws GeneralSecurityException {
        raw.signature.update(digests.next());
        return raw.signature.sign();
    }
}

package io.cairn.custody.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK's own P-256 ECDSA (SunEC, random k) over a 32-byte digest, one signature object per thread: the
 * second baseline for software P-256 (SunEC has no secp256k1).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SunEcBaselineBenchmark {
    private Signature signature;

    /** A P-256 key and a signature object for this thread. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        signature = Signature.getInstance("NONEwithECDSAinP1363Format", "SunEC");
        signature.initSign(pair.getPrivate());
    }

    /** One P-256 signature with SunEC. */
    @Benchmark
    public byte[] sunEcP256Raw(Digests digests) throws GeneralSecurityException {
        signature.update(digests.next());
        return signature.sign();
    }
}

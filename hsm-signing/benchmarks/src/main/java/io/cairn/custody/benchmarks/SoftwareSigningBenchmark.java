package io.cairn.custody.benchmarks;

import io.cairn.custody.software.InMemorySealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
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
 * The software custody (RFC 6979 ECDSA, low-S) against the raw BouncyCastle loop it is built on: a new
 * {@code ECDSASigner} with an HMAC-SHA-256 k-calculator per signature, same curve, same digests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SoftwareSigningBenchmark {
    /** The curve. */
    @Param({"SECP256K1", "P256"})
    public String curve;

    private SoftwareKeyCustody custody;
    private KeyHandle handle;
    private ECPrivateKeyParameters rawKey;

    /** Creates the custody, one key in it, and a raw key for the baseline. */
    @Setup
    public void setUp() {
        Curve c = Curve.valueOf(curve);
        custody = new SoftwareKeyCustody(new InMemorySealedKeyRepository(), MasterKey.random(), false, Clock.systemUTC());
        handle = custody.generate(new KeySpec("benchmark", c)).handle();
        X9ECParameters params = CustomNamedCurves.getByName(c == Curve.P256 ? "secp256r1" : "secp256k1");
        ECDomainParameters domain = new ECDomainParameters(params);
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, domain.getN().subtract(BigInteger.ONE),
                new SecureRandom());
        rawKey = new ECPrivateKeyParameters(d, domain);
    }

    /** Closes the custody. */
    @TearDown
    public void tearDown() {
        custody.close();
    }

    /** One signature through the software custody. */
    @Benchmark
    public SignatureValue custody(Digests digests) {
        return custody.sign(handle, SigningInput.digest(digests.next()));
    }

    /** One signature with BouncyCastle directly. */
    @Benchmark
    public BigInteger[] bouncyCastleRaw(Digests digests) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, rawKey);
        return signer.generateSignature(digests.next());
    }
}

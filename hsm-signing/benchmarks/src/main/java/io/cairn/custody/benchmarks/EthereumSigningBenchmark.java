package io.cairn.custody.benchmarks;

import io.cairn.custody.software.InMemorySealedKeyRepository;
import io.cairn.custody.software.MasterKey;
import io.cairn.custody.software.SoftwareKeyCustody;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.signing.formats.Eip1559Transaction;
import io.cairn.signing.formats.EthereumAddress;
import io.cairn.signing.formats.EthereumSigner;
import io.cairn.signing.formats.LegacyTransaction;
import io.cairn.signing.formats.SignedEthereumTransaction;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ethereum transactions signed per second through the signature formats (RLP encoding, Keccak-256, custody
 * signature, recovery id search, signed encoding, transaction hash) with a software secp256k1 key, beside
 * the raw backend loop of the same run: the software custody signing a 32-byte digest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EthereumSigningBenchmark {
    private static final EthereumAddress TO = EthereumAddress.parse("0x3535353535353535353535353535353535353535");

    private SoftwareKeyCustody custody;
    private KeyHandle handle;
    private EthereumSigner signer;

    /** Creates the custody, one secp256k1 key and the signer. */
    @Setup
    public void setUp() {
        custody = new SoftwareKeyCustody(new InMemorySealedKeyRepository(), MasterKey.random(), false, Clock.systemUTC());
        handle = custody.generate(new KeySpec("benchmark", Curve.SECP256K1)).handle();
        signer = new EthereumSigner(custody);
        signer.address(handle);
    }

    /** Closes the custody. */
    @TearDown
    public void tearDown() {
        custody.close();
    }

    /** A per-thread nonce, so every transaction differs. */
    @State(Scope.Thread)
    public static class Nonces {
        private long next;

        /** The next nonce. */
        public BigInteger next() {
            return BigInteger.valueOf(next++);
        }
    }

    /** One EIP-155 transfer signed through the formats. */
    @Benchmark
    public SignedEthereumTransaction eip155Transaction(Nonces nonces) {
        return signer.signTransaction(handle, new LegacyTransaction(nonces.next(), BigInteger.valueOf(20_000_000_000L),
                BigInteger.valueOf(21_000), Optional.of(TO), BigInteger.TEN.pow(18), new byte[0], 1));
    }

    /** One EIP-1559 transfer signed through the formats. */
    @Benchmark
    public SignedEthereumTransaction eip1559Transaction(Nonces nonces) {
        return signer.signTransaction(handle, new Eip1559Transaction(1, nonces.next(), BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(21_000), Optional.of(TO), BigInteger.TEN.pow(18),
                new byte[0]));
    }

    /** The raw backend loop: one digest signed by the software custody, nothing else. */
    @Benchmark
    public SignatureValue rawBackendSign(Digests digests) {
        return custody.sign(handle, SigningInput.digest(digests.next()));
    }
}

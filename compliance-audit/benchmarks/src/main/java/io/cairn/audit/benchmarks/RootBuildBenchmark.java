package io.cairn.audit.benchmarks;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.RootBuilder;
import io.cairn.merkle.TreeHasher;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merkle root building over one million leaf hashes, in leaves per second, beside the baseline of
 * one SHA-256 per 32-byte input over the same data. Building a root costs one 65-byte node hash
 * (two SHA-256 blocks) per leaf, so about half the baseline's rate is the best possible.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RootBuildBenchmark {
    /** Number of leaves per invocation. */
    public static final int LEAVES = 1_000_000;

    private byte[] leafHashes;
    private MessageDigest baselineDigest;
    private byte[] baselineOut;

    /** Fills one million pseudo-random 32-byte leaf hashes (fixed seed). */
    @Setup
    public void setUp() {
        leafHashes = new byte[LEAVES * Hash.LENGTH];
        new SplittableRandom(6962).nextBytes(leafHashes);
        baselineDigest = TreeHasher.newDigest();
        baselineOut = new byte[Hash.LENGTH];
    }

    /**
     * Baseline: SHA-256 of each 32-byte input, nothing else.
     *
     * @return a value depending on every digest
     * @throws DigestException never (the output buffer is large enough)
     */
    @Benchmark
    @OperationsPerInvocation(LEAVES)
    public int baselineSha256Of32ByteInputs() throws DigestException {
        int fold = 0;
        for (int offset = 0; offset < leafHashes.length; offset += Hash.LENGTH) {
            baselineDigest.update(leafHashes, offset, Hash.LENGTH);
            baselineDigest.digest(baselineOut, 0, Hash.LENGTH);
            fold ^= baselineOut[0];
        }
        return fold;
    }

    /**
     * The streaming root of one million leaf hashes.
     *
     * @return the root
     */
    @Benchmark
    @OperationsPerInvocation(LEAVES)
    public Hash merkleRootOfLeafHashes() {
        RootBuilder builder = new RootBuilder();
        for (int offset = 0; offset < leafHashes.length; offset += Hash.LENGTH) {
            builder.appendLeafHash(leafHashes, offset);
        }
        return builder.root();
    }

    /**
     * Appending one million leaf hashes to the in-memory store, which keeps every level.
     *
     * @return the store size
     */
    @Benchmark
    @OperationsPerInvocation(LEAVES)
    public long inMemoryStoreAppend() {
        InMemoryTreeStore store = new InMemoryTreeStore();
        for (int offset = 0; offset < leafHashes.length; offset += Hash.LENGTH) {
            store.appendLeafHash(leafHashes, offset);
        }
        return store.size();
    }
}

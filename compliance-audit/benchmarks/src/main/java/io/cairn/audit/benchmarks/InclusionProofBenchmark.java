package io.cairn.audit.benchmarks;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.InclusionProof;
import io.cairn.merkle.NodeId;
import io.cairn.merkle.ProofGenerator;
import io.cairn.merkle.ProofVerifier;
import io.cairn.merkle.VerificationResult;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Latency of inclusion proof generation for a random entry of a tree held by the in-memory store,
 * sampled so that percentiles (p99) are reported, beside the baseline of reading as many stored
 * nodes directly and beside verifying a proof.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class InclusionProofBenchmark {
    /** Number of entries in the tree. */
    @Param({"1000000", "10000000"})
    public int treeSize;

    private InMemoryTreeStore store;
    private Hash root;
    private InclusionProof sampleProof;
    private Hash sampleLeaf;
    private int pathLength;

    /** Builds the tree from pseudo-random leaf hashes (fixed seed). */
    @Setup
    public void setUp() {
        store = new InMemoryTreeStore();
        SplittableRandom random = new SplittableRandom(9162);
        byte[] leaf = new byte[Hash.LENGTH];
        for (int i = 0; i < treeSize; i++) {
            random.nextBytes(leaf);
            store.appendLeafHash(leaf, 0);
        }
        root = ProofGenerator.root(store, treeSize);
        long index = treeSize / 3L;
        sampleProof = ProofGenerator.inclusion(store, index, treeSize);
        sampleLeaf = store.node(new NodeId(0, index));
        pathLength = sampleProof.path().size();
    }

    /**
     * Baseline: read as many random stored nodes as a proof has hashes.
     *
     * @param blackhole sink for the hashes
     */
    @Benchmark
    public void baselineStoreLookups(Blackhole blackhole) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < pathLength; i++) {
            blackhole.consume(store.node(new NodeId(0, random.nextLong(treeSize))));
        }
    }

    /**
     * Generate the inclusion proof of a random entry against the whole tree.
     *
     * @return the proof
     */
    @Benchmark
    public InclusionProof generateInclusionProof() {
        return ProofGenerator.inclusion(store, ThreadLocalRandom.current().nextLong(treeSize), treeSize);
    }

    /**
     * Verify one inclusion proof (RFC 9162 section 2.1.3.2).
     *
     * @return the verdict
     */
    @Benchmark
    public VerificationResult verifyInclusionProof() {
        return ProofVerifier.verifyInclusion(sampleProof.leafIndex(), sampleProof.treeSize(), sampleLeaf,
                sampleProof.path(), root);
    }
}

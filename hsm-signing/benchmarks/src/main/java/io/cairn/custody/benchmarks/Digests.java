package io.cairn.custody.benchmarks;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A per-thread ring of random 32-byte digests, so no two consecutive signatures sign the same bytes. */
@State(Scope.Thread)
public class Digests {
    private static final int COUNT = 1024;
    private final byte[][] digests = new byte[COUNT][32];
    private int next;

    /** Fills the ring. */
    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(Thread.currentThread().threadId());
        for (byte[] digest : digests) {
            random.nextBytes(digest);
        }
    }

    /** The next digest. */
    public byte[] next() {
        next = (next + 1) & (COUNT - 1);
        return digests[next];
    }
}

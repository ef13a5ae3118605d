package io.cairn.merkle;

/**
 * How many hashes a proof must have, from the sizes alone. It replays the index arithmetic of the
 * RFC 9162 verification loops without hashing, so it agrees with them by construction.
 */
final class ProofShape {
    private ProofShape() {
    }

    /** Length of the inclusion path of leaf {@code index} in a tree of {@code size} leaves (index < size). */
    static int inclusionLength(long index, long size) {
        return steps(index, size - 1);
    }

    /** Length of the consistency proof between sizes {@code 0 < size1 < size2}. */
    static int consistencyLength(long size1, long size2) {
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        int first = isPowerOfTwo(size1) ? 0 : 1;
        return first + steps(fn, sn);
    }

    static boolean isPowerOfTwo(long value) {
        return value > 0 && (value & (value - 1)) == 0;
    }

    /** Number of loop iterations, one per proof hash, until {@code sn} reaches 0. */
    private static int steps(long fn, long sn) {
        int count = 0;
        while (sn != 0) {
            if ((fn & 1) == 0 && fn == sn) {
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            }
            fn >>>= 1;
            sn >>>= 1;
            count++;
        }
        return count;
    }
}

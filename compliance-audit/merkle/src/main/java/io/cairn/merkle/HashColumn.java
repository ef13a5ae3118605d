package io.cairn.merkle;

import java.util.ArrayList;
import java.util.List;

/** A growable list of 32-byte hashes stored in 1 MiB chunks, without one object per hash. */
final class HashColumn {
    private static final int CHUNK_SHIFT = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_HASHES - 1;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] source, int offset) {
        int slot = (int) (size & CHUNK_MASK);
        if (slot == 0) {
            chunks.add(new byte[CHUNK_HASHES * Hash.LENGTH]);
        }
        System.arraycopy(source, offset, chunks.get(chunks.size() - 1), slot * Hash.LENGTH, Hash.LENGTH);
        size++;
    }

    /** The chunk holding hash {@code index}; the hash starts at {@link #offset(long)}. */
    byte[] chunk(long index) {
        return chunks.get((int) (index >>> CHUNK_SHIFT));
    }

    static int offset(long index) {
        return (int) (index & CHUNK_MASK) * Hash.LENGTH;
    }

    Hash get(long index) {
        return Hash.of(chunk(index), offset(index), Hash.LENGTH);
    }
}

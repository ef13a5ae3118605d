package io.cairn.blocks;

import io.cairn.merkle.Hash;
import java.util.Objects;

/**
 * What an anchor writes for a block, in the shape of a connector hash pointer: the block hash, the application
 * and the block's sequence number.
 *
 * @param digest      the block hash
 * @param application application id (1-32 characters of {@code [a-z0-9._-]})
 * @param blockSeq    block sequence number, from 0
 */
public record BlockPointer(Hash digest, String application, long blockSeq) {
    /** Validates presence. */
    public BlockPointer {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(application, "application");
    }

    /** A copy of the 32 digest bytes. */
    public byte[] digestBytes() {
        return digest.bytes();
    }
}

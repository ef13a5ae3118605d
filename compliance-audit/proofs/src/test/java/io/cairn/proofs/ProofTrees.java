package io.cairn.proofs;

import io.cairn.merkle.Hash;
import io.cairn.merkle.InMemoryTreeStore;
import io.cairn.merkle.NodeId;
import io.cairn.merkle.ProofGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test trees and proof files. */
final class ProofTrees {
    private ProofTrees() {
    }

    static InMemoryTreeStore journal(int size) {
        InMemoryTreeStore store = new InMemoryTreeStore();
        for (int i = 0; i < size; i++) {
            store.appendEntry(("journal entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return store;
    }

    static InclusionProofFile inclusion(InMemoryTreeStore store, long leaf, long size) {
        return InclusionProofFile.of(ProofGenerator.inclusion(store, leaf, size), store.node(new NodeId(0, leaf)),
                ProofGenerator.root(store, size));
    }

    static ConsistencyProofFile consistency(InMemoryTreeStore store, long size1, long size2) {
        return ConsistencyProofFile.of(ProofGenerator.consistency(store, size1, size2),
                ProofGenerator.root(store, size1), ProofGenerator.root(store, size2));
    }

    static Hash someHash() {
        return Hash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");
    }

    static String resource(String name) {
        try (InputStream in = ProofTrees.class.getResourceAsStream("/proofs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

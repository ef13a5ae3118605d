package io.cairn.proofs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.merkle.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes proof files in the documented format, fields in documented order, readable by {@link ProofFileReader}. */
public final class ProofFileWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ProofFileWriter() {
    }

    /**
     * The JSON text of an inclusion proof file.
     *
     * @param file the content
     * @return indented JSON
     */
    public static String toJson(InclusionProofFile file) {
        ObjectNode node = JSON.createObjectNode();
        node.put("leafIdx", file.leafIdx());
        node.put("treeSize", file.treeSize());
        node.put("root", file.root().base64());
        node.put("leafHash", file.leafHash().base64());
        node.set("proof", hashes(file.proof()));
        return text(node);
    }

    /**
     * The JSON text of a consistency proof file.
     *
     * @param file the content
     * @return indented JSON
     */
    public static String toJson(ConsistencyProofFile file) {
        ObjectNode node = JSON.createObjectNode();
        node.put("size1", file.size1());
        node.put("size2", file.size2());
        node.put("root1", file.root1().base64());
        node.put("root2", file.root2().base64());
        node.set("proof", hashes(file.proof()));
        return text(node);
    }

    /**
     * Writes an inclusion proof file.
     *
     * @param file   the content
     * @param target where to write it
     */
    public static void write(InclusionProofFile file, Path target) {
        writeText(toJson(file), target);
    }

    /**
     * Writes a consistency proof file.
     *
     * @param file   the content
     * @param target where to write it
     */
    public static void write(ConsistencyProofFile file, Path target) {
        writeText(toJson(file), target);
    }

    private static ArrayNode hashes(List<Hash> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(hash -> array.add(hash.base64()));
        return array;
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void writeText(String json, Path target) {
        try {
            Files.writeString(target, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}

package io.cairn.proofs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.merkle.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads proof files strictly: exactly the documented fields, each with the documented type,
 * non-negative whole numbers, canonical base64 of exactly 32 bytes, at most {@link #MAX_FILE_BYTES}.
 *
 * <p>Failures are {@link CairnException}s: {@link ErrorCode#JOURNAL_PROOF_FILE_UNREADABLE} when the
 * file cannot be read, {@link ErrorCode#JOURNAL_PROOF_FILE_MALFORMED} otherwise, with the offending
 * field (e.g. {@code proof[2]}) or the line and column of a syntax error in the detail.
 * Whether the proof is true is not this class's concern: a well-formed file may hold an invalid proof.
 */
public final class ProofFileReader {
    /** Largest accepted proof file: 1 MiB (a real proof is a few kilobytes). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private static final List<String> INCLUSION_FIELDS = List.of("leafIdx", "treeSize", "root", "leafHash", "proof");
    private static final List<String> CONSISTENCY_FIELDS = List.of("size1", "size2", "root1", "root2", "proof");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ProofFileReader() {
    }

    /**
     * Reads an inclusion proof file.
     *
     * @param file path of the file
     * @return its content
     * @throws CairnException when the file is unreadable or malformed
     */
    public static InclusionProofFile readInclusion(Path file) {
        return parseInclusion(read(file));
    }

    /**
     * Reads a consistency proof file.
     *
     * @param file path of the file
     * @return its content
     * @throws CairnException when the file is unreadable or malformed
     */
    public static ConsistencyProofFile readConsistency(Path file) {
        return parseConsistency(read(file));
    }

    /**
     * Parses the bytes of an inclusion proof file.
     *
     * @param json UTF-8 JSON
     * @return its content
     * @throws CairnException when the content is malformed
     */
    public static InclusionProofFile parseInclusion(byte[] json) {
        JsonNode object = parseObject(json, "an inclusion proof", INCLUSION_FIELDS);
        return new InclusionProofFile(count(object, "leafIdx"), count(object, "treeSize"), hash(object, "root"),
                hash(object, "leafHash"), hashes(object));
    }

    /**
     * Parses the bytes of a consistency proof file.
     *
     * @param json UTF-8 JSON
     * @return its content
     * @throws CairnException when the content is malformed
     */
    public static ConsistencyProofFile parseConsistency(byte[] json) {
        JsonNode object = parseObject(json, "a consistency proof", CONSISTENCY_FIELDS);
        return new ConsistencyProofFile(count(object, "size1"), count(object, "size2"), hash(object, "root1"),
                hash(object, "root2"), hashes(object));
    }

    private static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw unreadable(file, "it is a directory, not a file");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file");
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied");
        } catch (IOException e) {
            throw unreadable(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new CairnException(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED,
                    "the file is larger than " + MAX_FILE_BYTES + " bytes (1 MiB); a proof file is a few kilobytes");
        }
        return content;
    }

    private static CairnException unreadable(Path file, String why) {
        return new CairnException(ErrorCode.JOURNAL_PROOF_FILE_UNREADABLE, "cannot read " + file + ": " + why);
    }

    private static JsonNode parseObject(byte[] json, String kind, List<String> fields) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new CairnException(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, "the file is not valid JSON", e);
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("the file is empty; expected " + kind + " as one JSON object");
        }
        if (!root.isObject()) {
            throw malformed("expected " + kind + " as one JSON object, found " + typeOf(root));
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, name, "unknown field \"" + name
                        + "\"; " + kind + " file has exactly the fields " + String.join(", ", fields));
            }
        }
        for (String name : fields) {
            if (!root.has(name)) {
                throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, name,
                        "missing field \"" + name + "\"");
            }
        }
        return root;
    }

    private static CairnException syntaxError(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new CairnException(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED,
                "the file is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static long count(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (!node.isIntegralNumber()) {
            throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, name,
                    "field \"" + name + "\" must be a whole number, found " + typeOf(node));
        }
        if (!node.canConvertToLong()) {
            throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, name,
                    "field \"" + name + "\" is too large: " + node.asText());
        }
        long value = node.longValue();
        if (value < 0) {
            throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, name,
                    "field \"" + name + "\" must not be negative: " + value);
        }
        return value;
    }

    private static Hash hash(JsonNode object, String name) {
        return hashAt(object.get(name), name);
    }

    private static List<Hash> hashes(JsonNode object) {
        JsonNode node = object.get("proof");
        if (!node.isArray()) {
            throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, "proof",
                    "field \"proof\" must be a list of base64 hashes, found " + typeOf(node));
        }
        List<Hash> hashes = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            hashes.add(hashAt(node.get(i), "proof[" + i + "]"));
        }
        return hashes;
    }

    private static Hash hashAt(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw CairnException.field(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, where,
                    "\"" + where + "\" must be a base64 SHA-256 hash in quotes, found " + typeOf(node));
        }
        return Base64Hash.decode(node.textValue()).orElseThrow(() -> CairnException.field(
                ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, where, "\"" + where + "\" is not a SHA-256 hash: "
                        + Base64Hash.whyNot(node.textValue())));
    }

    private static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> node.isIntegralNumber() ? "a whole number" : "a decimal number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> "an unexpected value";
        };
    }

    private static CairnException malformed(String detail) {
        return new CairnException(ErrorCode.JOURNAL_PROOF_FILE_MALFORMED, detail);
    }
}

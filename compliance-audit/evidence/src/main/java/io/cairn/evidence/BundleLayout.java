package io.cairn.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The names and JSON conventions of the {@code cairn-evidence/v1} bundle (see {@code docs/evidence-bundle.md}). */
final class BundleLayout {
    /** The format name in the manifest. */
    static final String FORMAT = "cairn-evidence/v1";
    static final String MANIFEST = "manifest.json";
    static final String BLOCKS = "blocks/blocks.jsonl";
    static final String CHECKPOINTS = "journal/checkpoints.json";
    static final String CONSISTENCY_PREFIX = "journal/consistency/";
    static final String ENTRIES = "journal/entries.jsonl";
    static final String INCLUSION_PROOFS = "journal/inclusion-proofs.jsonl";
    static final String KEYS = "keys/checkpoint-keys.json";
    /** The journal event type that links a sealed block to the journal. */
    static final String BLOCK_SEALED = "application.block-sealed";

    /** Compact JSON, no duplicate keys, nothing after the value. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private BundleLayout() {
    }

    /** The file of the consistency proof between two checkpoint sizes; zero-padded so names sort by size. */
    static String consistencyFile(long size1, long size2) {
        return String.format("%s%020d-%020d.json", CONSISTENCY_PREFIX, size1, size2);
    }
}

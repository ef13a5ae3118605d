package io.cairn.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a block's anchor on an EVM ledger over JSON-RPC ({@code eth_getTransactionReceipt},
 * {@code eth_blockNumber}): the transaction succeeded (status 1), was included at the recorded height, and
 * emitted the {@code CairnAnchor} contract's
 * {@code Anchored(bytes32 indexed hashPointer, bytes32 indexed application, uint64 blockSeq, address indexed submitter)}
 * event whose topics carry the block hash and the application id (UTF-8, zero-padded to 32 bytes) and whose data
 * carries the block's sequence number.
 */
final class EvmAnchorCheck {
    /** Topic 0 of {@code Anchored}: keccak-256 of {@code Anchored(bytes32,bytes32,uint64,address)}. */
    static final String ANCHORED_TOPIC = "0xa3cffd4bef2a9cb63ff6f6537bf06a42a9bed86472e63d9c75935f5a2e4b86a0";
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String ledger;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private long latestBlock = -1;
    private int requestId;

    EvmAnchorCheck(String ledger, URI endpoint) {
        this.ledger = ledger;
        this.endpoint = endpoint;
    }

    /**
     * Checks one anchor.
     *
     * @param anchor the recorded anchor
     * @param block  the block it anchors
     * @return what is wrong, or empty when the ledger confirms the anchor
     */
    Optional<String> check(AnchorRecord anchor, BlockRecord block) {
        if (!TX_HASH.matcher(anchor.transactionId()).matches()) {
            return Optional.of("not an EVM transaction hash (0x and 64 hex digits)");
        }
        JsonNode receipt;
        try {
            receipt = call("eth_getTransactionReceipt", anchor.transactionId());
        } catch (IOException e) {
            return Optional.of("ledger " + ledger + " at " + endpoint + " cannot be asked: " + e.getMessage());
        }
        if (receipt.isNull()) {
            return Optional.of("the ledger has no receipt for this transaction (unknown, dropped or on a lost fork)");
        }
        if (!"0x1".equals(receipt.path("status").asText())) {
            return Optional.of("the transaction failed on the ledger (receipt status " + receipt.path("status").asText()
                    + ")");
        }
        long height = quantity(receipt.path("blockNumber").asText());
        if (height != anchor.height()) {
            return Optional.of("included at height " + height + ", not at the recorded height " + anchor.height());
        }
        if (!hasAnchoredLog(receipt, block)) {
            return Optional.of("the transaction emitted no Anchored event for block hash " + block.blockHash()
                    + ", application " + block.app() + " and block " + block.seq());
        }
        return Optional.empty();
    }

    /** Confirmations of a height: blocks from it to the ledger's latest block, both included. */
    long confirmations(long height) {
        try {
            if (latestBlock < 0) {
                latestBlock = quantity(call("eth_blockNumber").asText());
            }
            return Math.max(0, latestBlock - height + 1);
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static boolean hasAnchoredLog(JsonNode receipt, BlockRecord block) {
        String hashTopic = "0x" + block.blockHash();
        String appTopic = "0x" + HexFormat.of().formatHex(applicationWord(block.app()));
        for (JsonNode log : receipt.path("logs")) {
            JsonNode topics = log.path("topics");
            if (topics.size() == 4 && ANCHORED_TOPIC.equals(lower(topics.get(0))) && hashTopic.equals(lower(topics.get(1)))
                    && appTopic.equals(lower(topics.get(2))) && sequenceOf(log) == block.seq()) {
                return true;
            }
        }
        return false;
    }

    /** The application id as the contract stores it: UTF-8, left-aligned, zero-padded to 32 bytes. */
    static byte[] applicationWord(String app) {
        byte[] word = new byte[32];
        byte[] utf8 = app.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, word, 0, Math.min(utf8.length, word.length));
        return word;
    }

    private static long sequenceOf(JsonNode log) {
        String data = log.path("data").asText();
        if (data.length() != 2 + 64) {
            return -1;
        }
        return new BigInteger(data.substring(2), 16).longValue();
    }

    private static String lower(JsonNode text) {
        return text.asText().toLowerCase(Locale.ROOT);
    }

    private static long quantity(String hex) {
        if (!hex.startsWith("0x") || hex.length() < 3) {
            throw new IllegalArgumentException("not a JSON-RPC quantity: " + hex);
        }
        return new BigInteger(hex.substring(2), 16).longValueExact();
    }

    private JsonNode call(String method, String... params) throws IOException {
        ObjectNode request = BundleLayout.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ++requestId)
                .put("method", method);
        var array = request.putArray("params");
        for (String param : params) {
            array.add(param);
        }
        HttpRequest http = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(BundleLayout.JSON.writeValueAsBytes(request))).build();
        HttpResponse<byte[]> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        JsonNode answer = BundleLayout.JSON.readTree(response.body());
        if (answer.has("error")) {
            throw new IOException("JSON-RPC error " + answer.get("error"));
        }
        return answer.path("result");
    }
}

package io.cairn.connector.evm;

import io.cairn.connector.spi.HashPointer;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The {@code CairnAnchor} contract's ABI: encodes {@code anchor(...)} calls and decodes {@code Anchored} logs.
 */
public final class AnchorContractAbi {

    /** {@code Anchored(bytes32 indexed hashPointer, bytes32 indexed application, uint64 blockSeq, address indexed submitter)}. */
    static final Event ANCHORED = new Event("Anchored", List.of(
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Uint64>(false) { },
            new TypeReference<Address>(true) { }));

    /** Topic 0 of every {@code Anchored} log. */
    public static final String ANCHORED_TOPIC = EventEncoder.encode(ANCHORED);

    private AnchorContractAbi() {
    }

    /** Call data of {@code anchor(hashPointer, application, blockSeq)}. */
    public static String anchorCall(HashPointer pointer) {
        Function call = new Function("anchor", List.of(
                new Bytes32(pointer.digest()),
                new Bytes32(pointer.applicationBytes32()),
                new Uint64(BigInteger.valueOf(pointer.blockSeq()))), List.of());
        return FunctionEncoder.encode(call);
    }

    /** The topic value of a 32-byte word. */
    static String topic(byte[] word32) {
        return Numeric.toHexString(word32);
    }

    /** The topic value of an address (left-padded to 32 bytes). */
    static String addressTopic(String address) {
        return "0x" + "0".repeat(24) + Numeric.cleanHexPrefix(address).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the log is an {@code Anchored} event of the expected shape. */
    static boolean isAnchored(Log log) {
        List<String> topics = log.getTopics();
        if (topics.size() != 4) {
            return false;
        }
        String topic0 = topics.get(0);
        return ANCHORED_TOPIC.equals(topic0) || ANCHORED_TOPIC.equalsIgnoreCase(topic0);
    }

    /** The hash pointer of an {@code Anchored} log; empty when the log is not one or is malformed. */
    static Optional<HashPointer> pointer(Log log) {
        return isAnchored(log) ? anchoredPointer(log) : Optional.empty();
    }

    /** The hash pointer of a log already known to be an {@code Anchored} event. */
    static Optional<HashPointer> anchoredPointer(Log log) {
        try {
            byte[] digest = Numeric.hexStringToByteArray(log.getTopics().get(1));
            String application = HashPointer.applicationFromBytes32(
                    Numeric.hexStringToByteArray(log.getTopics().get(2)));
            return Optional.of(new HashPointer(digest, application, uint64Word(log.getData())));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A single ABI-encoded {@code uint64} word that fits a non-negative {@code long}. */
    private static long uint64Word(String data) {
        if (data == null || data.length() != 66 || !data.startsWith("0x")) {
            throw new IllegalArgumentException("not one 32-byte word");
        }
        for (int i = 2; i < 50; i++) {
            if (data.charAt(i) != '0') {
                throw new IllegalArgumentException("value exceeds 64 bits");
            }
        }
        long value = Long.parseUnsignedLong(data, 50, 66, 16);
        if (value < 0) {
            throw new ArithmeticException("block sequence exceeds a signed 64-bit value");
        }
        return value;
    }

    /** The submitter of an {@code Anchored} log, as a lower-case 0x address. */
    static String submitter(Log log) {
        return "0x" + log.getTopics().get(3).substring(26).toLowerCase(java.util.Locale.ROOT);
    }

    /** The log's fields as text attributes for a ledger event. */
    static Map<String, String> attributes(Log log) {
        return attributes(log, isAnchored(log));
    }

    /** The log's fields as text attributes, when whether it is an {@code Anchored} event is known. */
    static Map<String, String> attributes(Log log, boolean anchored) {
        List<String> topics = log.getTopics();
        String data = log.getData() == null ? "0x" : log.getData();
        if (anchored) {
            return Map.of("emitter", log.getAddress(), "topic0", topics.get(0), "topic1", topics.get(1),
                    "topic2", topics.get(2), "topic3", topics.get(3), "data", data, "submitter", submitter(log));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("emitter", log.getAddress());
        for (int i = 0; i < topics.size(); i++) {
            attributes.put("topic" + i, topics.get(i));
        }
        attributes.put("data", data);
        return attributes;
    }

    /** Hex of 32 bytes without prefix, for messages. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

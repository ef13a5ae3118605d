package io.cairn.connector.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/**
 * Turns the anchoring chaincode's events in committed blocks into {@link LedgerEvent}s. Only valid
 * transactions count (an invalidated transaction's event never took effect). An {@code Anchored} event
 * carries its {@link HashPointer}; the chaincode's other events are passed on with their payload in base64.
 */
final class AnchorEvents {

    /** The chaincode event an anchor emits. */
    static final String ANCHORED = "Anchored";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ledgerId;
    private final String chaincode;

    AnchorEvents(String ledgerId, String chaincode) {
        this.ledgerId = ledgerId;
        this.chaincode = chaincode;
    }

    /** The chaincode's events in {@code block}, in block order. */
    List<LedgerEvent> of(FabricBlock block) {
        List<LedgerEvent> events = new ArrayList<>();
        for (FabricTransaction tx : block.transactions()) {
            if (tx.valid() && tx.chaincode().equals(Optional.of(chaincode)) && tx.event().isPresent()) {
                events.add(event(block, tx, tx.event().get()));
            }
        }
        return events;
    }

    /** The anchored hash pointer of a valid transaction of the chaincode, if it is an anchor. */
    Optional<HashPointer> anchorOf(FabricTransaction tx) {
        if (!tx.valid() || !tx.chaincode().equals(Optional.of(chaincode))) {
            return Optional.empty();
        }
        return tx.event().filter(e -> e.getEventName().equals(ANCHORED)).flatMap(AnchorEvents::pointer);
    }

    private LedgerEvent event(FabricBlock block, FabricTransaction tx, ChaincodeEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("chaincode", chaincode);
        attributes.put("creatorMspId", tx.creator().getMspid());
        Optional<HashPointer> anchor = anchorOf(tx);
        if (anchor.isEmpty()) {
            attributes.put("payload", Base64.getEncoder().encodeToString(event.getPayload().toByteArray()));
        }
        return new LedgerEvent(ledgerId, block.number(), block.hash(), tx.position(), tx.transactionId(),
                event.getEventName(), anchor, attributes);
    }

    /** Reads the {@code Anchored} payload: {@code {"hashPointer":hex,"application":..,"blockSeq":n,..}}. */
    static Optional<HashPointer> pointer(ChaincodeEvent event) {
        try {
            JsonNode json = JSON.readTree(event.getPayload().toByteArray());
            JsonNode hex = json.path("hashPointer");
            JsonNode application = json.path("application");
            JsonNode seq = json.path("blockSeq");
            if (!hex.isTextual() || !application.isTextual() || !seq.canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new HashPointer(HexFormat.of().parseHex(hex.asText()), application.asText(),
                    seq.asLong()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

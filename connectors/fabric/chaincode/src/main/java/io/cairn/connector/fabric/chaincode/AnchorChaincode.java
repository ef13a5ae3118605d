package io.cairn.connector.fabric.chaincode;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;

/**
 * The anchoring chaincode. Functions:
 * <ul>
 *   <li>{@code anchor(hashPointerHex, application, blockSeq)} — emits {@link AnchoredEvent#NAME} with the
 *       {@link AnchoredEvent} payload and returns the same payload; writes no state.</li>
 *   <li>{@code ping()} — returns {@code pong}; a read-only liveness check.</li>
 * </ul>
 * Invalid arguments give an error response (status 500) and no transaction is endorsed.
 */
public final class AnchorChaincode extends ChaincodeBase {

    /** The function that anchors a hash pointer. */
    public static final String ANCHOR = "anchor";
    /** The read-only liveness function. */
    public static final String PING = "ping";

    @Override
    public Response init(ChaincodeStub stub) {
        return ResponseUtils.newSuccessResponse();
    }

    @Override
    public Response invoke(ChaincodeStub stub) {
        String function = stub.getFunction();
        List<String> args = stub.getParameters();
        if (ANCHOR.equals(function)) {
            return anchor(stub, args);
        }
        if (PING.equals(function)) {
            return ResponseUtils.newSuccessResponse("pong".getBytes(StandardCharsets.UTF_8));
        }
        return ResponseUtils.newErrorResponse("unknown function: " + function);
    }

    private static Response anchor(ChaincodeStub stub, List<String> args) {
        AnchorRequest request;
        try {
            request = AnchorRequest.parse(args);
        } catch (IllegalArgumentException e) {
            return ResponseUtils.newErrorResponse(e.getMessage());
        }
        String submitter;
        try {
            submitter = SerializedIdentity.parseFrom(stub.getCreator()).getMspid();
        } catch (InvalidProtocolBufferException e) {
            return ResponseUtils.newErrorResponse("unreadable creator identity");
        }
        byte[] payload = new AnchoredEvent(request, stub.getTxId(), submitter).toJson();
        stub.setEvent(AnchoredEvent.NAME, payload);
        return ResponseUtils.newSuccessResponse(payload);
    }
}

package io.cairn.connector.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * One transaction of a block, as far as the connector reads it.
 *
 * @param position       its index in the block
 * @param transactionId  the channel header's transaction id (empty for configuration transactions)
 * @param validationCode the committing peer's verdict ({@code 0} = {@code VALID})
 * @param creator        the submitting identity (MSP id and certificate bytes)
 * @param chaincode      the chaincode an endorser transaction invoked
 * @param event          the chaincode event it set, if any
 */
record FabricTransaction(
        long position,
        String transactionId,
        int validationCode,
        SerializedIdentity creator,
        Optional<String> chaincode,
        Optional<ChaincodeEvent> event) {

    FabricTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(event, "event");
    }

    /** Whether the peer applied the transaction. */
    boolean valid() {
        return validationCode == TxValidationCode.VALID_VALUE;
    }

    /** The validation code's name, e.g. {@code MVCC_READ_CONFLICT}. */
    String validationName() {
        TxValidationCode code = TxValidationCode.forNumber(validationCode);
        return code == null ? Integer.toString(validationCode) : code.name();
    }

    /** Decodes an envelope of a block. */
    static FabricTransaction decode(long position, ByteString envelope, int validationCode)
            throws InvalidProtocolBufferException {
        Payload payload = Payload.parseFrom(Envelope.parseFrom(envelope).getPayload());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        SerializedIdentity creator = SerializedIdentity.parseFrom(signatureHeader.getCreator());
        Optional<ChaincodeAction> action = channelHeader.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE
                ? chaincodeAction(payload.getData()) : Optional.empty();
        Optional<ChaincodeEvent> event = Optional.empty();
        if (action.isPresent() && !action.get().getEvents().isEmpty()) {
            event = Optional.of(ChaincodeEvent.parseFrom(action.get().getEvents()));
        }
        return new FabricTransaction(position, channelHeader.getTxId(), validationCode, creator,
                action.map(a -> a.getChaincodeId().getName()), event);
    }

    private static Optional<ChaincodeAction> chaincodeAction(ByteString data) throws InvalidProtocolBufferException {
        Transaction transaction = Transaction.parseFrom(data);
        if (transaction.getActionsCount() == 0) {
            return Optional.empty();
        }
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
        ProposalResponsePayload response = ProposalResponsePayload.parseFrom(
                actionPayload.getAction().getProposalResponsePayload());
        return Optional.of(ChaincodeAction.parseFrom(response.getExtension()));
    }
}

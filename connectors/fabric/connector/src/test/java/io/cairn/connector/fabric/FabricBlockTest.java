package io.cairn.connector.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.cairn.connector.spi.HashPointer;
import io.cairn.connector.spi.LedgerEvent;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class FabricBlockTest {

    private static final String CHAINCODE = "cairn-anchor";
    private static final AnchorEvents EVENTS = new AnchorEvents("fabric-test", CHAINCODE);

    @Test
    void blockHashIsSha256OfTheDerEncodedHeader() throws Exception {
        byte[] previous = filled(0x01);
        byte[] data = filled(0x02);
        BlockHeader header = BlockHeader.newBuilder().setNumber(1)
                .setPreviousHash(ByteString.copyFrom(previous)).setDataHash(ByteString.copyFrom(data)).build();
        // SEQUENCE(0x47 bytes) { INTEGER 1, OCTET STRING(32) previous, OCTET STRING(32) data }, written out by hand
        byte[] der = HexFormat.of().parseHex("30470201010420" + "01".repeat(32) + "0420" + "02".repeat(32));

        assertThat(FabricBlock.hash(header))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
    }

    @Test
    void largeBlockNumbersAreEncodedAsPositiveIntegers() throws Exception {
        BlockHeader header = BlockHeader.newBuilder().setNumber(200).build();
        // 200 = 0xc8 needs a leading zero byte to stay positive; empty hashes are empty OCTET STRINGs
        byte[] der = HexFormat.of().parseHex("3008020200c804000400");

        assertThat(FabricBlock.hash(header))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
    }

    @Test
    void onlyValidTransactionsOfTheChaincodeYieldEvents() {
        HashPointer pointer = pointer(7);
        Block block = block(11,
                List.of(tx("a0", "other-chaincode", "Anchored", anchoredJson(pointer)),
                        tx("a1", CHAINCODE, "Anchored", anchoredJson(pointer(8))),
                        tx("a2", CHAINCODE, "Anchored", anchoredJson(pointer)),
                        tx("a3", CHAINCODE, "Audit", "raw".getBytes())),
                new byte[] {0, (byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE, 0, 0});

        FabricBlock decoded = FabricBlock.decode(block);
        List<LedgerEvent> events = EVENTS.of(decoded);

        assertThat(decoded.number()).isEqualTo(11);
        assertThat(decoded.transactions()).extracting(FabricTransaction::transactionId)
                .containsExactly("a0", "a1", "a2", "a3");
        assertThat(decoded.transactions().get(1).validationName()).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(events).extracting(LedgerEvent::transactionId).containsExactly("a2", "a3");
        LedgerEvent anchored = events.getFirst();
        assertThat(anchored.position()).isEqualTo(2);
        assertThat(anchored.blockHash()).isEqualTo(decoded.hash());
        assertThat(anchored.anchor()).contains(pointer);
        assertThat(anchored.attributes()).containsEntry("creatorMspId", "Org1MSP").doesNotContainKey("payload");
        LedgerEvent other = events.get(1);
        assertThat(other.type()).isEqualTo("Audit");
        assertThat(other.anchor()).isEmpty();
        assertThat(other.attributes()).containsEntry("payload", "cmF3");
    }

    @Test
    void malformedAnchoredPayloadsCarryNoPointer() {
        for (String json : List.of("{}", "not json", "{\"hashPointer\":\"zz\",\"application\":\"a\",\"blockSeq\":1}",
                "{\"hashPointer\":\"" + "ab".repeat(32) + "\",\"application\":\"UPPER\",\"blockSeq\":1}",
                "{\"hashPointer\":\"" + "ab".repeat(32) + "\",\"application\":\"a\",\"blockSeq\":\"x\"}")) {
            ChaincodeEvent event = ChaincodeEvent.newBuilder().setEventName("Anchored")
                    .setPayload(ByteString.copyFromUtf8(json)).build();
            assertThat(AnchorEvents.pointer(event)).as(json).isEmpty();
        }
    }

    @Test
    void transactionLookupByIdFindsItsPosition() {
        FabricBlock block = FabricBlock.decode(block(3, List.of(tx("x", CHAINCODE, "Anchored", anchoredJson(pointer(1))),
                tx("y", CHAINCODE, "Anchored", anchoredJson(pointer(2)))), new byte[] {0, 0}));

        assertThat(block.transaction("y").map(FabricTransaction::position)).contains(1L);
        assertThat(block.transaction("z")).isEmpty();
        assertThat(EVENTS.anchorOf(block.transaction("y").orElseThrow())).contains(pointer(2));
    }

    @Test
    void anUnreadableEnvelopeIsAnInvalidResponse() {
        Block block = Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(5))
                .setData(BlockData.newBuilder().addData(ByteString.copyFrom(new byte[] {(byte) 0xff, 1, 2}))).build();

        assertThatThrownBy(() -> FabricBlock.decode(block)).isInstanceOfSatisfying(CairnException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.LEDGER_INVALID_RESPONSE));
    }

    static HashPointer pointer(long seed) {
        byte[] digest = new byte[32];
        new Random(seed).nextBytes(digest);
        return new HashPointer(digest, "payments", seed);
    }

    static byte[] anchoredJson(HashPointer p) {
        return ("{\"hashPointer\":\"" + p.digestHex() + "\",\"application\":\"" + p.application() + "\",\"blockSeq\":"
                + p.blockSeq() + ",\"txId\":\"t\",\"mspId\":\"Org1MSP\"}").getBytes();
    }

    static Block block(long number, List<ByteString> envelopes, byte[] validation) {
        BlockMetadata metadata = BlockMetadata.newBuilder().addMetadata(ByteString.EMPTY).addMetadata(ByteString.EMPTY)
                .addMetadata(ByteString.copyFrom(validation)).build();
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number).setPreviousHash(ByteString.copyFrom(filled(9)))
                        .setDataHash(ByteString.copyFrom(filled(4))))
                .setData(BlockData.newBuilder().addAllData(envelopes)).setMetadata(metadata).build();
    }

    static ByteString tx(String txId, String chaincode, String eventName, byte[] payload) {
        ChaincodeEvent event = ChaincodeEvent.newBuilder().setChaincodeId(chaincode).setTxId(txId)
                .setEventName(eventName).setPayload(ByteString.copyFrom(payload)).build();
        ChaincodeAction action = ChaincodeAction.newBuilder().setEvents(event.toByteString())
                .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode)).build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(
                        ProposalResponsePayload.newBuilder().setExtension(action.toByteString()).build().toByteString()))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setTxId(txId).setChannelId("cairn").build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder().setCreator(SerializedIdentity.newBuilder()
                .setMspid("Org1MSP").setIdBytes(ByteString.copyFromUtf8("certificate")).build().toByteString()).build();
        Payload txPayload = Payload.newBuilder().setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString()).setSignatureHeader(signatureHeader.toByteString()))
                .setData(transaction.toByteString()).build();
        return Envelope.newBuilder().setPayload(txPayload.toByteString()).build().toByteString();
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void creatorIsKeptForTheTransactionView() {
        FabricBlock block = FabricBlock.decode(block(1, List.of(tx("c", CHAINCODE, "Anchored", anchoredJson(pointer(3)))),
                new byte[] {0}));
        FabricTransaction tx = block.transaction("c").orElseThrow();
        assertThat(tx.creator().getMspid()).isEqualTo("Org1MSP");
        assertThat(tx.chaincode()).isEqualTo(Optional.of(CHAINCODE));
        assertThat(FabricIdentity.describe(tx.creator())).isEqualTo("Org1MSP");
    }
}

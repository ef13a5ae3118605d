package io.cairn.connector.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;

/**
 * A block of the channel, decoded: its number, its hash, the hash of its predecessor and its transactions.
 *
 * @param number       the block number
 * @param hash         the block hash (hex), as the next block's header and {@code GetChainInfo} name it
 * @param previousHash the previous block's hash (hex; empty for the genesis block)
 * @param transactions the transactions in block order
 */
record FabricBlock(long number, String hash, String previousHash, List<FabricTransaction> transactions) {

    FabricBlock {
        transactions = List.copyOf(transactions);
    }

    /** The transaction with this id, if the block holds it. */
    Optional<FabricTransaction> transaction(String transactionId) {
        return transactions.stream().filter(t -> t.transactionId().equals(transactionId)).findFirst();
    }

    /**
     * Decodes a block. Validation codes come from the block's {@code TRANSACTIONS_FILTER} metadata, which a
     * committed block (as the peer delivers and stores it) always carries.
     *
     * @throws CairnException {@code CAIRN-LEDGER-0005} when the block cannot be parsed
     */
    static FabricBlock decode(Block block) {
        try {
            byte[] filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                    ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray()
                    : new byte[0];
            List<ByteString> envelopes = block.getData().getDataList();
            List<FabricTransaction> transactions = new ArrayList<>(envelopes.size());
            for (int i = 0; i < envelopes.size(); i++) {
                int code = i < filter.length ? Byte.toUnsignedInt(filter[i]) : -1;
                transactions.add(FabricTransaction.decode(i, envelopes.get(i), code));
            }
            BlockHeader header = block.getHeader();
            return new FabricBlock(header.getNumber(), hash(header), hex(header.getPreviousHash()), transactions);
        } catch (InvalidProtocolBufferException e) {
            throw new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE, "unreadable block "
                    + block.getHeader().getNumber() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fabric's block hash: SHA-256 of the ASN.1 DER encoding of
     * {@code SEQUENCE { INTEGER number, OCTET STRING previousHash, OCTET STRING dataHash }}.
     */
    static String hash(BlockHeader header) {
        ASN1EncodableVector fields = new ASN1EncodableVector(3);
        fields.add(new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))));
        fields.add(new DEROctetString(header.getPreviousHash().toByteArray()));
        fields.add(new DEROctetString(header.getDataHash().toByteArray()));
        try {
            byte[] der = new DERSequence(fields).getEncoded(ASN1Encoding.DER);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a block header", e);
        }
    }

    static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}

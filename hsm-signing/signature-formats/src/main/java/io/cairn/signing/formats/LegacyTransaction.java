package io.cairn.signing.formats;

import io.cairn.custody.spi.EcdsaSignature;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A legacy (type 0) Ethereum transaction with EIP-155 replay protection: the signed payload is
 * {@code rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])} and
 * {@code v = chainId * 2 + 35 + recoveryId}.
 *
 * @param nonce    the sender's transaction count
 * @param gasPrice wei per gas
 * @param gasLimit the most gas the transaction may use
 * @param to       the recipient; empty to create a contract
 * @param value    wei transferred
 * @param data     call data or contract init code (copied)
 * @param chainId  the EIP-155 chain id
 */
public record LegacyTransaction(BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit,
        Optional<EthereumAddress> to, BigInteger value, byte[] data, long chainId) implements EthereumTransaction {
    /** The largest call data accepted (the usual node limit on a whole transaction is 128 KiB). */
    public static final int MAX_DATA_BYTES = 128 * 1024;

    /** Checks the ranges and copies the data. */
    public LegacyTransaction {
        Inputs.quantity("nonce", nonce, Inputs.UINT64_BOUND);
        Inputs.quantity("gasPrice", gasPrice, Inputs.UINT256_BOUND);
        Inputs.quantity("gasLimit", gasLimit, Inputs.UINT64_BOUND);
        Objects.requireNonNull(to, "to");
        Inputs.quantity("value", value, Inputs.UINT256_BOUND);
        data = Inputs.bytes("data", data, MAX_DATA_BYTES);
        Inputs.chainId(chainId);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] signingPayload() {
        return fields().quantity(chainId).quantity(0).quantity(0).encode();
    }

    @Override
    public BigInteger v(int recoveryId) {
        return BigInteger.valueOf(chainId).shiftLeft(1).add(BigInteger.valueOf(35L + recoveryId));
    }

    @Override
    public byte[] encodeSigned(int recoveryId, EcdsaSignature signature) {
        return fields().signature(v(recoveryId), signature.r(), signature.s()).encode();
    }

    private RlpFields fields() {
        return new RlpFields().quantity(nonce).quantity(gasPrice).quantity(gasLimit).to(to).quantity(value).bytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyTransaction t && nonce.equals(t.nonce) && gasPrice.equals(t.gasPrice)
                && gasLimit.equals(t.gasLimit) && to.equals(t.to) && value.equals(t.value)
                && Arrays.equals(data, t.data) && chainId == t.chainId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nonce, gasPrice, gasLimit, to, value, Arrays.hashCode(data), chainId);
    }

    @Override
    public String toString() {
        return "LegacyTransaction[nonce=" + nonce + ", gasPrice=" + gasPrice + ", gasLimit=" + gasLimit + ", to="
                + to.map(EthereumAddress::checksummed).orElse("(create)") + ", value=" + value + ", data=0x"
                + HexFormat.of().formatHex(data) + ", chainId=" + chainId + "]";
    }
}

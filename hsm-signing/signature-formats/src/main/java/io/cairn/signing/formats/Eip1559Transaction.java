package io.cairn.signing.formats;

import io.cairn.custody.spi.EcdsaSignature;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EIP-1559 (type 2) Ethereum transaction: the signed payload is {@code 0x02 || rlp([chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])}, and the signed form appends
 * {@code yParity, r, s}, where {@code yParity} is the recovery id (0 or 1).
 *
 * @param chainId              the chain id
 * @param nonce                the sender's transaction count
 * @param maxPriorityFeePerGas the tip per gas, in wei
 * @param maxFeePerGas         the most the sender pays per gas, in wei
 * @param gasLimit             the most gas the transaction may use
 * @param to                   the recipient; empty to create a contract
 * @param value                wei transferred
 * @param data                 call data or contract init code (copied)
 * @param accessList           the EIP-2930 access list (may be empty)
 */
public record Eip1559Transaction(long chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, BigInteger gasLimit, Optional<EthereumAddress> to, BigInteger value, byte[] data,
        List<AccessListEntry> accessList) implements EthereumTransaction {
    /** The EIP-2718 transaction type. */
    public static final int TYPE = 2;

    /** Checks the ranges and copies the data and access list. */
    public Eip1559Transaction {
        Inputs.chainId(chainId);
        Inputs.quantity("nonce", nonce, Inputs.UINT64_BOUND);
        Inputs.quantity("maxPriorityFeePerGas", maxPriorityFeePerGas, Inputs.UINT256_BOUND);
        Inputs.quantity("maxFeePerGas", maxFeePerGas, Inputs.UINT256_BOUND);
        Inputs.quantity("gasLimit", gasLimit, Inputs.UINT64_BOUND);
        Objects.requireNonNull(to, "to");
        Inputs.quantity("value", value, Inputs.UINT256_BOUND);
        data = Inputs.bytes("data", data, LegacyTransaction.MAX_DATA_BYTES);
        accessList = List.copyOf(accessList);
    }

    /** A transaction without an access list. */
    public Eip1559Transaction(long chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas,
            BigInteger gasLimit, Optional<EthereumAddress> to, BigInteger value, byte[] data) {
        this(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, List.of());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] signingPayload() {
        return fields().encodeTyped(TYPE);
    }

    @Override
    public BigInteger v(int recoveryId) {
        return BigInteger.valueOf(recoveryId);
    }

    @Override
    public byte[] encodeSigned(int recoveryId, EcdsaSignature signature) {
        return fields().signature(v(recoveryId), signature.r(), signature.s()).encodeTyped(TYPE);
    }

    private RlpFields fields() {
        return new RlpFields().quantity(chainId).quantity(nonce).quantity(maxPriorityFeePerGas).quantity(maxFeePerGas)
                .quantity(gasLimit).to(to).quantity(value).bytes(data).accessList(accessList);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Eip1559Transaction t && chainId == t.chainId && nonce.equals(t.nonce)
                && maxPriorityFeePerGas.equals(t.maxPriorityFeePerGas) && maxFeePerGas.equals(t.maxFeePerGas)
                && gasLimit.equals(t.gasLimit) && to.equals(t.to) && value.equals(t.value)
                && Arrays.equals(data, t.data) && accessList.equals(t.accessList);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
                Arrays.hashCode(data), accessList);
    }

    @Override
    public String toString() {
        return "Eip1559Transaction[chainId=" + chainId + ", nonce=" + nonce + ", maxPriorityFeePerGas="
                + maxPriorityFeePerGas + ", maxFeePerGas=" + maxFeePerGas + ", gasLimit=" + gasLimit + ", to="
                + to.map(EthereumAddress::checksummed).orElse("(create)") + ", value=" + value + ", data=0x"
                + HexFormat.of().formatHex(data) + ", accessList=" + accessList + "]";
    }
}

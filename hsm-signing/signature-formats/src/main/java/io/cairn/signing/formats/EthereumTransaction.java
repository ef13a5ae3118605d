package io.cairn.signing.formats;

import io.cairn.custody.spi.EcdsaSignature;
import java.math.BigInteger;

/**
 * An unsigned Ethereum transaction: {@link LegacyTransaction} (EIP-155 replay protection) or
 * {@link Eip1559Transaction} (type 2).
 */
public sealed interface EthereumTransaction permits LegacyTransaction, Eip1559Transaction {

    /** The chain the transaction is bound to. */
    long chainId();

    /** The bytes whose Keccak-256 the sender signs. */
    byte[] signingPayload();

    /** The {@code v} (legacy) or {@code yParity} (typed) value for a recovery id of 0 or 1. */
    BigInteger v(int recoveryId);

    /** The signed transaction as broadcast with {@code eth_sendRawTransaction}. */
    byte[] encodeSigned(int recoveryId, EcdsaSignature signature);
}

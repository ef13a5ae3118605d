package io.cairn.connector.spi;

/**
 * The offline signing seam between connectors and key custody ({@code hsm-signing}).
 *
 * <p>A connector builds the bytes a ledger wants signed, hands them over with the scheme and key alias,
 * and assembles the signed transaction from the returned signature. Key material never crosses this
 * interface. Implementations are thread-safe.
 */
public interface TransactionSigner {

    /**
     * The public half of a key.
     *
     * @throws io.cairn.kernel.CairnException when the alias is unknown or unusable
     */
    SignerKey key(String keyAlias);

    /**
     * Signs a payload.
     *
     * @return the signature in the encoding {@link SignatureScheme} describes
     * @throws io.cairn.kernel.CairnException when custody refuses or fails
     */
    byte[] sign(SigningRequest request);
}

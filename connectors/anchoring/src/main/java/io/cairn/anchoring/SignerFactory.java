package io.cairn.anchoring;

import io.cairn.connector.spi.TransactionSigner;

/**
 * How connectors get their signer: the appliance provides one over the signing service, so the key named by
 * a ledger's signing key alias signs its transactions without leaving key custody.
 */
public interface SignerFactory {

    /**
     * A signer for one key.
     *
     * @param keyAlias the signing-service alias registered for the ledger
     */
    TransactionSigner forKey(String keyAlias);
}

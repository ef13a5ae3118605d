package io.cairn.signing.formats;

/** What a {@link CordaSignature} covers. */
public enum CordaSignedContent {
    /**
     * The 32 bytes of the transaction id ({@code SecureHash.SHA256}) themselves. Corda 4's
     * {@code TransactionSignature.verify()} does NOT accept this; it suits verifiers that check a signature
     * over the id with {@code Crypto.doVerify(publicKey, signature, txId.bytes)}.
     */
    TRANSACTION_ID,
    /**
     * The Corda AMQP serialisation of {@code SignableData(txId, SignatureMetadata(platformVersion,
     * schemeNumberID))}, produced by the caller with corda-core: what Corda 4 nodes sign and verify in a
     * {@code TransactionSignature}.
     */
    SIGNABLE_DATA
}

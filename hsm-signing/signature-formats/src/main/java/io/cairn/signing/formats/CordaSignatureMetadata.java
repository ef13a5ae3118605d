package io.cairn.signing.formats;

/**
 * The values of Corda 4's {@code SignatureMetadata(platformVersion, schemeNumberID)} for a key: what the
 * caller puts into the {@code SignableData} it serialises before asking for a {@link CordaSignedContent#SIGNABLE_DATA}
 * signature, and into the resulting {@code TransactionSignature}.
 *
 * @param platformVersion the Corda platform version of the signing party
 * @param schemeNumberId  the key's {@link CordaSignatureScheme#schemeNumberId()}
 */
public record CordaSignatureMetadata(int platformVersion, int schemeNumberId) {

    /** Checks the ranges. */
    public CordaSignatureMetadata {
        if (platformVersion < 1) {
            throw io.cairn.kernel.CairnException.field(io.cairn.kernel.ErrorCode.SIGN_INVALID_INPUT,
                    "platformVersion", "a Corda platform version is a positive integer");
        }
    }
}

/**
 * Corda 4 transaction signatures with custody keys, in Corda's own types.
 *
 * <p>Builds {@code SignableData(txId, SignatureMetadata(platformVersion, schemeNumberID))} for the key's
 * scheme, serialises it with the process's Corda serialisation environment (set up by the Corda RPC client
 * or a node), has {@link io.cairn.signing.formats.CordaSigner} sign the serialised bytes and returns a
 * {@code TransactionSignature} that {@code TransactionSignature.verify(txId)} accepts. Kept apart from
 * {@code io.cairn.signing.formats} because it needs corda-core.
 */
package io.cairn.signing.formats.corda;

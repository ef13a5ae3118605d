/**
 * The anchoring CorDapp's contract jar: {@link io.cairn.connector.corda.contracts.AnchorState} (one hash
 * pointer of a verification block, written by an anchoring party and shared with consortium observers),
 * its vault schema {@link io.cairn.connector.corda.contracts.AnchorSchemaV1} and
 * {@link io.cairn.connector.corda.contracts.AnchorContract}, which admits only the issuance of a well-formed
 * anchor. Compiled to Java 8 bytecode against the Java 8 API, as Corda 4.10 nodes require.
 */
package io.cairn.connector.corda.contracts;

/**
 * Tests of the Fabric connector: unit tests of block decoding, configuration and the signing seam, and
 * integration tests (the connector TCK, anchoring end to end with a SoftHSM identity) against the native
 * Fabric test network.
 */
package io.cairn.connector.fabric;

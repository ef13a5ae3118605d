/** Tests of the anchoring pipeline and the ledger registry: unit tests, and integration tests against anvil and PostgreSQL. */
package io.cairn.anchoring;

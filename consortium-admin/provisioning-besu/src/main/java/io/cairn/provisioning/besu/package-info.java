/**
 * Ledger provisioning of consortium members on Hyperledger Besu: {@link io.cairn.provisioning.besu.BesuProvisioner}
 * adapts the EVM connector's {@code BesuAdmin} (account and node allowlists, QBFT/IBFT 2.0 validator votes) to the
 * membership module's {@link io.cairn.membership.LedgerProvisioner} seam.
 */
package io.cairn.provisioning.besu;

package io.cairn.signing;

import java.util.Optional;

/**
 * A request to create a managed key.
 *
 * @param alias   unique name: a letter or digit, then up to 55 letters, digits, '.', '_' or '-'
 * @param backend custody backend ({@code software}, {@code pkcs11}, ...)
 * @param curve   {@code secp256k1}, {@code p-256} or {@code ed25519}
 * @param purpose {@code ledger-transaction}, {@code certificate-authority}, {@code journal-checkpoint} or
 *                {@code report-seal}
 * @param policy  signing policy; defaults when absent
 */
public record NewKey(String alias, String backend, String curve, String purpose, Optional<PolicyDocument> policy) {
}

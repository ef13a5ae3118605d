package io.cairn.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A released signature as stored with its request and returned to the requester.
 *
 * @param alias              key alias
 * @param keyVersion         version that signed
 * @param curve              curve label
 * @param digest             what was signed, hex
 * @param signature          {@code r || s} (ECDSA, low-S) or the 64-byte Ed25519 signature, hex
 * @param der                DER encoding of an ECDSA signature, hex
 * @param publicKey          the signing version's public key, hex
 * @param ethereumAddress    the address of a secp256k1 key
 * @param approvers          who approved (empty without dual control)
 * @param ledger             the ledger's signed artifact assembled by the request's {@link LedgerFormat}
 * @param journalLeafIndex   where the audit journal recorded the signature ({@code -1} while it is being recorded)
 * @param signedAt           when
 */
public record SignatureRecord(String alias, int keyVersion, String curve, String digest, String signature,
                              Optional<String> der, String publicKey, Optional<String> ethereumAddress,
                              List<String> approvers, Optional<com.fasterxml.jackson.databind.JsonNode> ledger,
                              long journalLeafIndex, Instant signedAt) {
    /** Copies the list; a JSON null artifact is no artifact. */
    public SignatureRecord {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        ledger = ledger == null ? Optional.empty() : ledger.filter(node -> node != null && !node.isNull());
    }

    /** This record with the journal position of its audit record; {@code -1} until it is recorded. */
    public SignatureRecord atLeaf(long leafIndex) {
        return new SignatureRecord(alias, keyVersion, curve, digest, signature, der, publicKey, ethereumAddress,
                approvers, ledger, leafIndex, signedAt);
    }
}

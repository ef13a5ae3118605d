package io.cairn.signing;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The facts of a ledger transaction that the signing policy and the nonce guard look at. The digest signed
 * for it must be computed from the transaction by the signature-format layer, never taken from the caller.
 *
 * @param chainId the chain id (Ethereum) or ledger name (Fabric channel, Corda network)
 * @param nonce   the Ethereum account nonce, when the ledger has one
 * @param to      the destination (contract address), when there is one
 * @param value   the value transferred, in the ledger's smallest unit
 */
public record LedgerTransaction(String chainId, Optional<BigInteger> nonce, Optional<String> to, BigInteger value) {
    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9:._-]{1,64}");

    /** Validates and normalises (destinations in lower case). */
    public LedgerTransaction {
        if (chainId == null || !CHAIN.matcher(chainId).matches()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction.chainId",
                    "a chain id is 1 to 64 letters, digits or ':._-'");
        }
        Objects.requireNonNull(nonce, "nonce");
        to = Objects.requireNonNull(to, "to").map(t -> t.toLowerCase(Locale.ROOT));
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || nonce.map(n -> n.signum() < 0).orElse(false)) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "transaction",
                    "value and nonce must not be negative");
        }
    }
}

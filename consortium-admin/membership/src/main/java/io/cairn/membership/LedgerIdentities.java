package io.cairn.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identities a member organisation uses on the consortium's ledgers, each validated when created.
 *
 * @param ethereumAccounts accounts on EVM ledgers, stored in EIP-55 checksummed form
 * @param enodes           enode URLs of the member's EVM nodes
 * @param fabric           the member's Hyperledger Fabric organisation
 * @param cordaName        the X.500 legal name of the member's Corda node, canonical form
 */
public record LedgerIdentities(List<String> ethereumAccounts, List<String> enodes, Optional<FabricOrganisation> fabric,
                               Optional<String> cordaName) {
    /** Validates every identity; field names in errors are relative to {@code ledgerIdentities}. */
    public LedgerIdentities {
        ethereumAccounts = checked(ethereumAccounts, "ledgerIdentities.ethereumAccounts",
                LedgerIdentityRules::ethereumAccount);
        enodes = checked(enodes, "ledgerIdentities.enodes", LedgerIdentityRules::enode);
        Objects.requireNonNull(fabric, "fabric");
        cordaName = Objects.requireNonNull(cordaName, "cordaName")
                .map(n -> LedgerIdentityRules.cordaName("ledgerIdentities.cordaName", n));
    }

    /** No ledger identity at all. */
    public static LedgerIdentities none() {
        return new LedgerIdentities(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    private interface Rule {
        String check(String field, String value);
    }

    private static List<String> checked(List<String> values, String field, Rule rule) {
        List<String> out = new ArrayList<>();
        List<String> given = values == null ? List.of() : values;
        for (int i = 0; i < given.size(); i++) {
            String value = rule.check(field + "[" + i + "]", given.get(i));
            if (out.contains(value)) {
                throw io.cairn.kernel.CairnException.field(io.cairn.kernel.ErrorCode.MEMBER_INVALID_LEDGER_IDENTITY,
                        field + "[" + i + "]", "listed twice: " + value);
            }
            out.add(value);
        }
        return List.copyOf(out);
    }

    /**
     * A Hyperledger Fabric organisation.
     *
     * @param mspId          the MSP identifier
     * @param caCertificates PEM root (and intermediate) CA certificates of the organisation; at least one
     */
    public record FabricOrganisation(String mspId, List<String> caCertificates) {
        /** Validates the MSP id and parses every certificate. */
        public FabricOrganisation {
            mspId = LedgerIdentityRules.mspId("ledgerIdentities.fabric.mspId", mspId);
            if (caCertificates == null || caCertificates.isEmpty()) {
                throw io.cairn.kernel.CairnException.field(io.cairn.kernel.ErrorCode.MEMBER_INVALID_LEDGER_IDENTITY,
                        "ledgerIdentities.fabric.caCertificates", "a Fabric organisation needs at least one CA certificate");
            }
            List<String> parsed = new ArrayList<>();
            for (int i = 0; i < caCertificates.size(); i++) {
                parsed.add(LedgerIdentityRules.caCertificate("ledgerIdentities.fabric.caCertificates[" + i + "]",
                        caCertificates.get(i)));
            }
            caCertificates = List.copyOf(parsed);
        }
    }
}

package io.cairn.signing;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.access.Role;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a key may sign. Empty {@code chainIds} or {@code contracts} mean "any"; a non-empty
 * {@code contracts} set also refuses transactions without a destination.
 *
 * @param purposes      allowed purposes
 * @param chainIds      allowed chain ids / ledgers
 * @param contracts     allowed destinations, lower case
 * @param valueLimit    largest value per transaction
 * @param ratePerMinute signatures per minute, 0 = unlimited
 * @param dualControl   m-of-n approval settings
 */
public record SigningPolicy(Set<KeyPurpose> purposes, Set<String> chainIds, Set<String> contracts,
                            Optional<BigInteger> valueLimit, int ratePerMinute, DualControl dualControl) {
    /** Copies the sets. */
    public SigningPolicy {
        purposes = Set.copyOf(purposes);
        chainIds = Set.copyOf(chainIds);
        contracts = Set.copyOf(contracts);
        if (purposes.isEmpty()) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "policy.purposes", "at least one purpose");
        }
        if (ratePerMinute < 0) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "policy.ratePerMinute", "must not be negative");
        }
    }

    /** The policy a document describes, with defaults for what it leaves out. */
    public static SigningPolicy from(PolicyDocument doc, KeyPurpose keyPurpose, int defaultRatePerMinute) {
        Set<KeyPurpose> purposes = doc.purposes().map(l -> l.stream()
                .map(p -> KeyPurpose.parse("policy.purposes", p)).collect(Collectors.toSet()))
                .orElse(Set.of(keyPurpose));
        Role role = doc.approverRole().map(r -> Role.fromLabel(r).orElseThrow(() -> CairnException.field(
                ErrorCode.API_INVALID_FIELD, "policy.approverRole", "unknown role '" + r + "'")))
                .orElse(Role.CONSORTIUM_ADMIN);
        DualControl dual = new DualControl(doc.requiredApprovals().orElse(0), role,
                Set.copyOf(doc.approvers().orElse(List.of())));
        return new SigningPolicy(purposes, Set.copyOf(doc.chainIds().orElse(List.of())),
                doc.contracts().orElse(List.of()).stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                doc.valueLimit().map(SigningPolicy::decimal), doc.ratePerMinute().orElse(defaultRatePerMinute), dual);
    }

    /** This policy as a document, every field explicit. */
    public PolicyDocument document() {
        return new PolicyDocument(Optional.of(purposes.stream().map(KeyPurpose::label).sorted().toList()),
                Optional.of(List.copyOf(new TreeSet<>(chainIds))), Optional.of(List.copyOf(new TreeSet<>(contracts))),
                valueLimit.map(BigInteger::toString), Optional.of(ratePerMinute),
                Optional.of(dualControl.requiredApprovals()), Optional.of(dualControl.approverRole().label()),
                Optional.of(List.copyOf(new TreeSet<>(dualControl.approvers()))));
    }

    /**
     * Checks a request against the policy.
     *
     * @throws CairnException {@code CAIRN-SIGN-0010} naming the rule that refused it
     */
    public void check(KeyPurpose purpose, Optional<LedgerTransaction> transaction) {
        if (!purposes.contains(purpose)) {
            throw deny("purpose '" + purpose.label() + "' is not allowed for this key");
        }
        transaction.ifPresent(this::checkTransaction);
    }

    private void checkTransaction(LedgerTransaction tx) {
        if (!chainIds.isEmpty() && !chainIds.contains(tx.chainId())) {
            throw deny("chain '" + tx.chainId() + "' is not allowed for this key");
        }
        if (!contracts.isEmpty() && !tx.to().map(contracts::contains).orElse(false)) {
            throw deny("destination " + tx.to().orElse("(none)") + " is not an allowed contract for this key");
        }
        if (valueLimit.isPresent() && tx.value().compareTo(valueLimit.get()) > 0) {
            throw deny("value " + tx.value() + " exceeds this key's limit of " + valueLimit.get());
        }
    }

    private static CairnException deny(String detail) {
        return new CairnException(ErrorCode.SIGN_POLICY_DENIED, detail);
    }

    private static BigInteger decimal(String text) {
        try {
            BigInteger value = new BigInteger(text);
            if (value.signum() < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw CairnException.field(ErrorCode.API_INVALID_FIELD, "policy.valueLimit",
                    "a value limit is a non-negative decimal integer");
        }
    }
}

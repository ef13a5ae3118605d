package io.cairn.signing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningPolicyTest {
    private static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private final SigningPolicy policy = SigningPolicy.from(new PolicyDocument(Optional.empty(),
            Optional.of(List.of("1337")), Optional.of(List.of(TOKEN)), Optional.of("1000"), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty()), KeyPurpose.LEDGER_TRANSACTION, 0);

    private static LedgerTransaction tx(String chain, Optional<String> to, long value) {
        return new LedgerTransaction(chain, Optional.of(BigInteger.ONE), to, BigInteger.valueOf(value));
    }

    private static void denied(Runnable check, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(CairnException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(ErrorCode.SIGN_POLICY_DENIED);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void allowsWhatTheRulesAllowAndNamesTheRuleThatRefuses() {
        assertThatCode(() -> policy.check(KeyPurpose.LEDGER_TRANSACTION,
                Optional.of(tx("1337", Optional.of(TOKEN.toUpperCase().replace("0X", "0x")), 1000)))).doesNotThrowAnyException();
        denied(() -> policy.check(KeyPurpose.REPORT_SEAL, Optional.empty()), "purpose");
        denied(() -> policy.check(KeyPurpose.LEDGER_TRANSACTION, Optional.of(tx("1", Optional.of(TOKEN), 1))), "chain");
        denied(() -> policy.check(KeyPurpose.LEDGER_TRANSACTION,
                Optional.of(tx("1337", Optional.of("0x0000000000000000000000000000000000000001"), 1))), "contract");
        denied(() -> policy.check(KeyPurpose.LEDGER_TRANSACTION, Optional.of(tx("1337", Optional.empty(), 1))), "contract");
        denied(() -> policy.check(KeyPurpose.LEDGER_TRANSACTION, Optional.of(tx("1337", Optional.of(TOKEN), 1001))), "limit");
    }

    @Test
    void documentRoundTripsAndMofNNeedsEnoughApprovers() {
        org.assertj.core.api.Assertions.assertThat(SigningPolicy.from(policy.document(), KeyPurpose.REPORT_SEAL, 5))
                .isEqualTo(policy);
        assertThatThrownBy(() -> SigningPolicy.from(new PolicyDocument(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(3), Optional.empty(),
                Optional.of(List.of("a", "b"))), KeyPurpose.REPORT_SEAL, 0)).isInstanceOf(CairnException.class);
    }

    @Test
    void randomPoliciesDecideAsTheirRulesSay() {
        long seed = 7_2026L;
        java.util.Random random = new java.util.Random(seed);
        List<String> chains = List.of("1", "5", "1337");
        List<String> contracts = List.of("0xaa", "0xbb", "0xcc");
        for (int i = 0; i < 2_000; i++) {
            List<String> allowedChains = chains.stream().filter(c -> random.nextInt(3) == 0).toList();
            List<String> allowedContracts = contracts.stream().filter(c -> random.nextInt(3) == 0).toList();
            Optional<Long> limit = random.nextBoolean() ? Optional.of((long) random.nextInt(100)) : Optional.empty();
            SigningPolicy p = SigningPolicy.from(new PolicyDocument(Optional.empty(), Optional.of(allowedChains),
                    Optional.of(allowedContracts), limit.map(String::valueOf), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()), KeyPurpose.LEDGER_TRANSACTION, 0);
            String chain = chains.get(random.nextInt(chains.size()));
            Optional<String> to = random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(contracts.get(random.nextInt(contracts.size())));
            long value = random.nextInt(120);
            boolean expected = (allowedChains.isEmpty() || allowedChains.contains(chain))
                    && (allowedContracts.isEmpty() || to.map(allowedContracts::contains).orElse(false))
                    && limit.map(l -> value <= l).orElse(true);
            boolean allowed;
            try {
                p.check(KeyPurpose.LEDGER_TRANSACTION, Optional.of(tx(chain, to, value)));
                allowed = true;
            } catch (CairnException e) {
                org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(ErrorCode.SIGN_POLICY_DENIED);
                allowed = false;
            }
            org.assertj.core.api.Assertions.assertThat(allowed)
                    .as("seed %d case %d: %s against chain %s to %s value %d", seed, i, p, chain, to, value)
                    .isEqualTo(expected);
        }
    }
}

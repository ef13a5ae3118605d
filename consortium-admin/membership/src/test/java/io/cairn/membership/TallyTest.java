package io.cairn.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void majorityNeedsMoreYesThanNoAndAbstentionsOnlyCountForQuorum() {
        assertThat(new Tally(4, 2, 1, 0, DecisionRule.MAJORITY, 50).approved()).isTrue();
        assertThat(new Tally(4, 1, 1, 0, DecisionRule.MAJORITY, 50).approved()).isFalse();
        // 1 yes + 2 abstain: quorum 3/4 met, decisive votes 1:0
        assertThat(new Tally(4, 1, 0, 2, DecisionRule.MAJORITY, 75).approved()).isTrue();
        // 1 yes alone of 4 misses a 50% quorum, with one abstention it meets it
        assertThat(new Tally(4, 1, 0, 0, DecisionRule.MAJORITY, 50).quorumMet()).isFalse();
        assertThat(new Tally(4, 1, 0, 1, DecisionRule.MAJORITY, 50).quorumMet()).isTrue();
    }

    @Test
    void quorumIsRoundedUpExactly() {
        // 2/3 of 3 is 66.67%: two votes meet a 66% quorum but not a 67% one
        assertThat(new Tally(3, 2, 0, 0, DecisionRule.MAJORITY, 66).quorumMet()).isTrue();
        assertThat(new Tally(3, 2, 0, 0, DecisionRule.MAJORITY, 67).quorumMet()).isFalse();
        assertThat(new Tally(3, 0, 0, 0, DecisionRule.MAJORITY, 0).quorumMet()).isTrue();
    }

    @Test
    void twoThirdsAndUnanimity() {
        assertThat(new Tally(3, 2, 1, 0, DecisionRule.TWO_THIRDS, 0).approved()).isTrue();
        assertThat(new Tally(4, 2, 2, 0, DecisionRule.TWO_THIRDS, 0).approved()).isFalse();
        assertThat(new Tally(5, 4, 1, 0, DecisionRule.TWO_THIRDS, 0).approved()).isTrue();
        assertThat(new Tally(5, 3, 2, 0, DecisionRule.TWO_THIRDS, 0).approved()).isFalse();
        assertThat(new Tally(3, 2, 0, 1, DecisionRule.UNANIMITY, 100).approved()).isTrue();
        assertThat(new Tally(3, 2, 1, 0, DecisionRule.UNANIMITY, 100).approved()).isFalse();
        assertThat(new Tally(3, 0, 0, 3, DecisionRule.UNANIMITY, 100).approved()).isFalse();
        assertThat(new Tally(3, 3, 0, 0, DecisionRule.ADMIN_ONLY, 0).approved()).isFalse();
    }

    @Test
    void explanationGivesTheCount() {
        assertThat(new Tally(3, 2, 1, 0, DecisionRule.MAJORITY, 50).explanation())
                .isEqualTo("approved under majority (yes 2, no 1, abstain 0 of 3 eligible organisations)");
        assertThat(new Tally(4, 1, 0, 0, DecisionRule.MAJORITY, 50).explanation()).startsWith("quorum of 50% not reached");
    }

    /**
     * Exhaustive for small electorates: a tally is settled exactly when every way the missing organisations
     * could still vote (or not) leads to the same outcome.
     */
    @Test
    void settledMeansNoCompletionChangesTheOutcome() {
        Random random = new Random(20260101L);
        for (int run = 0; run < 400; run++) {
            int electorate = random.nextInt(6);
            DecisionRule rule = DecisionRule.values()[random.nextInt(3)];
            int quorum = random.nextInt(101);
            int[] votes = new int[3];
            int cast = random.nextInt(electorate + 1);
            for (int i = 0; i < cast; i++) {
                votes[random.nextInt(3)]++;
            }
            Tally tally = new Tally(electorate, votes[0], votes[1], votes[2], rule, quorum);
            List<Boolean> outcomes = completions(tally, electorate - cast);
            boolean allSame = outcomes.stream().distinct().count() == 1;
            assertThat(tally.settled()).as("seed 20260101, run %d: %s", run, tally).isEqualTo(allSame);
        }
    }

    /** Outcomes of every way {@code missing} organisations can vote yes, no, abstain or not at all. */
    private static List<Boolean> completions(Tally t, int missing) {
        List<Boolean> outcomes = new ArrayList<>();
        for (int yes = 0; yes <= missing; yes++) {
            for (int no = 0; yes + no <= missing; no++) {
                for (int abstain = 0; yes + no + abstain <= missing; abstain++) {
                    outcomes.add(new Tally(t.electorate(), t.yes() + yes, t.no() + no, t.abstain() + abstain, t.rule(),
                            t.quorumPercent()).approved());
                }
            }
        }
        return outcomes;
    }
}

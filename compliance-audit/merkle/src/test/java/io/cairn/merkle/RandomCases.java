package io.cairn.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Randomised test cases for the property tests: hand-picked edge cases first, then cases drawn from
 * a seed that changes every run and is part of each case's name, so a failure can be replayed with
 * {@code -Dcairn.test.seed=<seed>}.
 */
final class RandomCases {
    static final long SEED = Long.getLong("cairn.test.seed", System.nanoTime());

    private RandomCases() {
    }

    /** One case: the numbers a property needs, and the seed they came from. */
    record Case(long seed, int... values) {
        int get(int i) {
            return values[i];
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(values) + " seed " + seed;
        }
    }

    /**
     * Edge cases followed by {@code count} random ones.
     *
     * @param edges  fixed cases, always included
     * @param count  number of random cases
     * @param random draws one random case's values
     * @return the cases
     */
    static Stream<Case> of(List<int[]> edges, int count, Function<SplittableRandom, int[]> random) {
        List<Case> cases = new ArrayList<>();
        edges.forEach(values -> cases.add(new Case(SEED, values)));
        SplittableRandom generator = new SplittableRandom(SEED);
        for (int i = 0; i < count; i++) {
            cases.add(new Case(SEED, random.apply(generator)));
        }
        return cases.stream();
    }
}

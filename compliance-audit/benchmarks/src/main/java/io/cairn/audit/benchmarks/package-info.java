/**
 * JMH benchmarks of the compliance-audit area. Each figure is printed beside a baseline measured in
 * the same run: Merkle root building beside a raw SHA-256 loop over the same number of 32-byte
 * inputs, proof generation beside plain store lookups. Run {@code java -jar target/benchmarks.jar}.
 * {@link io.cairn.audit.benchmarks.JournalLoadHarness} is a plain main class measuring the PostgreSQL
 * journal (group-commit appends beside one INSERT + COMMIT per event, bursts, proof latency).
 */
package io.cairn.audit.benchmarks;

/**
 * JMH benchmarks of the compliance-audit area. Each figure is printed beside a baseline measured in
 * the same run: Merkle root building beside a raw SHA-256 loop over the same number of 32-byte
 * inputs, proof generation beside plain store lookups. Run {@code java -jar target/benchmarks.jar}.
 */
package io.cairn.audit.benchmarks;

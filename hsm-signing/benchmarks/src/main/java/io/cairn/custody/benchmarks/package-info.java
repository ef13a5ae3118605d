/**
 * JMH benchmarks of the key custody backends: signatures per second for each backend and curve, each
 * measured beside the raw provider loop (BouncyCastle, SunEC, SunPKCS11) in the same run, so the cost of
 * the custody layer is the difference between the two.
 */
package io.cairn.custody.benchmarks;

/**
 * Shared vocabulary of every Cairn module: the error catalogue ({@link io.cairn.kernel.ErrorCode}) and
 * the exception that carries a catalogued code to the caller ({@link io.cairn.kernel.CairnException}).
 * Nothing here depends on a server, a database or a ledger.
 */
package io.cairn.kernel;

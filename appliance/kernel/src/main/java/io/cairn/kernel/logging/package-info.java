/**
 * Context that every log line carries while a request is served (request id, trace id, user), so that
 * structured logs of one request can be found together.
 */
package io.cairn.kernel.logging;

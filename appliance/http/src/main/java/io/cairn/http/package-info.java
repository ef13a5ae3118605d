/**
 * The REST API's foundation, shared by every module that exposes endpoints: endpoints are declared as
 * data ({@link io.cairn.http.Endpoint}: method, path, allowed roles, request and response types), the
 * {@link io.cairn.http.ApiRouter} authenticates every call before any handler runs, bodies are read by a
 * strict JSON reader with size limits, every failure becomes an RFC 9457 problem+json body with a
 * catalogued code, and the OpenAPI description is generated from the same declarations. Health, metrics
 * and TLS for the one HTTP listener live here too.
 */
package io.cairn.http;

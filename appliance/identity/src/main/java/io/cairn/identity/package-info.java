/**
 * Identity and access: users and their roles, API tokens (only a SHA-256 digest of each secret is stored;
 * tokens are scoped to a subset of the user's roles, expire and can be revoked), binding of TLS client
 * certificates to users, the bootstrap administrator created on first start, the database-backed
 * {@link io.cairn.http.Authenticator}, and the {@code /api/v1/users}, {@code /api/v1/tokens} and
 * {@code /api/v1/me} resources.
 */
package io.cairn.identity;

/**
 * Leadership among appliance instances that share one PostgreSQL: a {@link io.cairn.storage.leadership.LeaderLease}
 * held as a session-level advisory lock on a dedicated connection, so that background jobs (checkpointing,
 * anchoring, re-scans) run on exactly one instance at a time and move to another instance when the leader
 * dies or loses its database connection.
 */
package io.cairn.storage.leadership;

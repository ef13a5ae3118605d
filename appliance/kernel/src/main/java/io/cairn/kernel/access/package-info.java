/**
 * Who is calling: the five roles of the appliance ({@link io.cairn.kernel.access.Role}) and the
 * authenticated {@link io.cairn.kernel.access.Principal} that every API handler receives.
 */
package io.cairn.kernel.access;

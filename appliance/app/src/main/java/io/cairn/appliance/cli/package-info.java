/**
 * The {@code cairn} command line: {@code serve}, {@code version}, {@code config check|reference}, and the
 * operator commands ({@code users}, {@code tokens}, the consortium commands, {@code keys} and
 * {@code approvals}), which talk to a running appliance over its API.
 * Every command has {@code --help}.
 */
package io.cairn.appliance.cli;

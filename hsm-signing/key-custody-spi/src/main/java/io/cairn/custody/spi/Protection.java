package io.cairn.custody.spi;

/** Where a backend keeps private keys while they are used. */
public enum Protection {
    /** Inside a hardware security module or token: keys are generated and used there and never leave it. */
    HARDWARE,
    /** A key management service whose keys are not exportable through its API (e.g. Vault Transit). */
    SERVICE,
    /** In this process's memory, sealed at rest: for development only. */
    SOFTWARE
}

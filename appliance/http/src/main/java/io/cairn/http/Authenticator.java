package io.cairn.http;

import io.cairn.kernel.access.Principal;

/** Turns presented credentials into a principal; implemented by the identity module. */
@FunctionalInterface
public interface Authenticator {
    /**
     * Authenticates a caller.
     *
     * @param credentials what the caller presented; never empty
     * @return the authenticated principal
     * @throws io.cairn.kernel.CairnException {@code CAIRN-AUTH-*} when the credentials are not valid,
     *                                        {@code CAIRN-STORE-0001} when they cannot be checked now
     */
    Principal authenticate(Credentials credentials);
}

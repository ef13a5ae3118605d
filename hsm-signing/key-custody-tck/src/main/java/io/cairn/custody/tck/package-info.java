/**
 * The key custody contract test kit: one abstract JUnit test class that every
 * {@link io.cairn.custody.spi.KeyCustody} backend's tests extend, and an independent signature verifier.
 *
 * <p>Signatures are verified with providers that no backend uses for signing (BouncyCastle's lightweight
 * ECDSA verifier with the public key the backend reported, and the JDK's SunEC for Ed25519), so a backend
 * cannot pass by agreeing with itself.
 */
package io.cairn.custody.tck;

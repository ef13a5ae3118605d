/**
 * The key custody extension point: where private keys live and how they sign.
 *
 * <p>A {@link io.cairn.custody.spi.KeyCustody} backend (PKCS#11 HSM, Vault Transit, development software
 * store) generates keys, reports their public keys and what it asserts about their protection, signs
 * digests or messages, and destroys keys. Private key material never crosses this interface: there is no
 * getter for it and no value type that can hold it. Signature formats (Ethereum, Fabric, Corda), signing
 * policy and approvals are built on top of this package by the signing service; backends know nothing of
 * them.
 *
 * <p>Failures are {@link io.cairn.kernel.CairnException}s with {@code SIGN} codes. Backends fail closed:
 * when the custody cannot be used they throw {@link io.cairn.kernel.ErrorCode#SIGN_CUSTODY_UNAVAILABLE}
 * and never fall back to another store.
 */
package io.cairn.custody.spi;

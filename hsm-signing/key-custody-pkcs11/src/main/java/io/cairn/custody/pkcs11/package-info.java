/**
 * Key custody in a PKCS#11 HSM (Luna, nShield, CloudHSM, YubiHSM, SoftHSM2): backend {@code pkcs11}.
 *
 * <p>ECDSA keys (secp256k1, P-256) are generated and used through the JDK's SunPKCS11 provider as token
 * objects that are sensitive and non-extractable, each stored with a self-signed certificate signed by the
 * key itself so that the provider's key store lists it. Ed25519 keys use {@code CKM_EDDSA} through a Java
 * PKCS#11 wrapper, which also reads key attributes back for attestations. The token is found by its label;
 * the slot is resolved at run time. Sessions and signature objects are pooled; a lost session or login is
 * recovered by reconnecting once. When the library, token or login is unavailable every call fails with
 * {@link io.cairn.kernel.ErrorCode#SIGN_CUSTODY_UNAVAILABLE}; the PIN never appears in messages or logs.
 */
package io.cairn.custody.pkcs11;

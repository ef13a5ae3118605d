package io.cairn.custody.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ALWAYS_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LOCAL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_NEVER_EXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SUBJECT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_TOKEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_GENERATE_KEY_PAIR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_SIGN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC_EDWARDS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_EDWARDS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EDDSA;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.Ed25519Signature;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;

/**
 * The token as seen through the Java PKCS#11 wrapper: finds the slot by label, reads key attributes back
 * for attestations, and generates and signs with Ed25519 keys ({@code CKM_EDDSA}), which SunPKCS11
 * cannot. Objects are addressed by {@code CKA_ID} (the key id as UTF-8).
 */
final class NativeToken implements AutoCloseable {
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2b, 0x65, 0x70};

    private final String label;
    private final Token token;
    private final PKCS11Token session;
    private final ConcurrentMap<String, Long> edKeys = new ConcurrentHashMap<>();

    private NativeToken(String label, Token token, PKCS11Token session) {
        this.label = label;
        this.token = token;
        this.session = session;
    }

    /** Finds the token by label and logs in; fails closed with a message that never holds the PIN. */
    static NativeToken open(Pkcs11Options options) {
        PKCS11Module module = TokenLibrary.module(options.library());
        Token token = find(module, options.tokenLabel());
        // the wrapper keeps this copy of the PIN to log in again when it opens new sessions
        char[] pin = options.pin().chars();
        try {
            return new NativeToken(options.tokenLabel(), token, new PKCS11Token(token, false, pin, options.poolSize()));
        } catch (TokenException e) {
            Arrays.fill(pin, '\0');
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "login to PKCS#11 token '" + options.tokenLabel() + "' failed (" + reason(e) + ")");
        }
    }

    private static Token find(PKCS11Module module, String label) {
        try {
            Token found = null;
            for (Slot slot : module.getSlotList(true)) {
                Token candidate = slot.getToken();
                if (candidate.getTokenInfo().getLabel().trim().equals(label)) {
                    if (found != null) {
                        throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                                "more than one PKCS#11 token is labelled '" + label + "'");
                    }
                    found = candidate;
                }
            }
            if (found == null) {
                throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "no PKCS#11 token is labelled '" + label + "'");
            }
            return found;
        } catch (PKCS11Exception e) {
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                    "the PKCS#11 slots cannot be listed (" + reason(e) + ")");
        }
    }

    /** The slot the token sits in now. */
    long slotId() {
        return token.getSlot().getSlotID();
    }

    /** The curves the token's mechanisms allow. */
    Set<Curve> curves(boolean offerEd25519) {
        Set<Curve> curves = EnumSet.noneOf(Curve.class);
        if (session.supportsMechanism(CKM_EC_KEY_PAIR_GEN, CKF_GENERATE_KEY_PAIR) && session.supportsMechanism(CKM_ECDSA, CKF_SIGN)) {
            curves.add(Curve.SECP256K1);
            curves.add(Curve.P256);
        }
        if (offerEd25519 && session.supportsMechanism(CKM_EC_EDWARDS_KEY_PAIR_GEN, CKF_GENERATE_KEY_PAIR)
                && session.supportsMechanism(CKM_EDDSA, CKF_SIGN)) {
            curves.add(Curve.ED25519);
        }
        return curves;
    }

    /** Token identity for attestations. */
    Map<String, String> tokenEvidence() throws TokenException {
        TokenInfo info = token.getTokenInfo();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("token.label", info.getLabel().trim());
        evidence.put("token.manufacturer", info.getManufacturerID().trim());
        evidence.put("token.model", info.getModel().trim());
        evidence.put("token.serial", info.getSerialNumber().trim());
        return evidence;
    }

    /** The protection attributes of the private key with this id, as read from the token. */
    Optional<Map<String, Boolean>> privateKeyAttributes(String id) throws TokenException {
        Optional<Long> handle = privateKey(id);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        AttributeVector a = session.getAttrValues(handle.get(), CKA_TOKEN, CKA_PRIVATE, CKA_SENSITIVE,
                CKA_ALWAYS_SENSITIVE, CKA_EXTRACTABLE, CKA_NEVER_EXTRACTABLE, CKA_LOCAL);
        Map<String, Boolean> values = new LinkedHashMap<>();
        values.put("CKA_TOKEN", a.token());
        values.put("CKA_PRIVATE", a.private_());
        values.put("CKA_SENSITIVE", a.sensitive());
        values.put("CKA_ALWAYS_SENSITIVE", a.alwaysSensitive());
        values.put("CKA_EXTRACTABLE", a.extractable());
        values.put("CKA_NEVER_EXTRACTABLE", a.neverExtractable());
        values.put("CKA_LOCAL", a.local());
        values.replaceAll((k, v) -> v != null && v);
        return Optional.of(values);
    }

    /** Generates an Ed25519 key pair on the token: token objects, private key sensitive and not extractable. */
    EncodedPublicKey generateEd25519(String id, byte[] subject) throws TokenException {
        KeyPairTemplate template = new KeyPairTemplate(CKK_EC_EDWARDS).token(true).labels(id)
                .id(id.getBytes(StandardCharsets.UTF_8)).signVerify(true).subject(subject);
        template.privateKey().sensitive(true).extractable(false).private_(true);
        template.publicKey().ecParams(ED25519_OID);
        PKCS11KeyPair pair = session.generateKeyPair(new Mechanism(CKM_EC_EDWARDS_KEY_PAIR_GEN), template);
        edKeys.put(id, pair.getPrivateKey());
        return ed25519Point(session.getAttrValues(pair.getPublicKey(), CKA_EC_POINT).ecPoint());
    }

    /** The public key of an Ed25519 key, if the token has it. */
    Optional<EncodedPublicKey> ed25519PublicKey(String id) throws TokenException {
        long[] found = session.findObjects(AttributeVector.newPublicKey(CKK_EC_EDWARDS)
                .id(id.getBytes(StandardCharsets.UTF_8)), 1);
        if (found.length == 0) {
            return Optional.empty();
        }
        return Optional.of(ed25519Point(session.getAttrValues(found[0], CKA_EC_POINT).ecPoint()));
    }

    /** The DER subject stored with a key (its label as an X.500 name), if any. */
    Optional<byte[]> subject(String id) throws TokenException {
        Optional<Long> handle = privateKey(id);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.getAttrValues(handle.get(), CKA_SUBJECT).subject());
    }

    /** Signs a message with an Ed25519 key; empty when the key is not on the token. */
    Optional<Ed25519Signature> signEd25519(String id, byte[] message) throws TokenException {
        Long handle = edKeys.get(id);
        if (handle == null) {
            Optional<Long> found = privateKey(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            handle = found.get();
            edKeys.put(id, handle);
        }
        return Optional.of(new Ed25519Signature(session.sign(new Mechanism(CKM_EDDSA), handle, message)));
    }

    /** Destroys every object with this id; false when there was none. */
    boolean destroy(String id) throws TokenException {
        edKeys.remove(id);
        long[] found = session.findAllObjects(new AttributeVector().id(id.getBytes(StandardCharsets.UTF_8)));
        if (found.length == 0) {
            return false;
        }
        session.destroyObjects(found);
        return true;
    }

    /** Whether the token answers. */
    boolean answers() {
        try {
            token.getTokenInfo();
            session.generateRandom(1);
            return true;
        } catch (TokenException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        session.closeAllSessions();
    }

    @Override
    public String toString() {
        return "NativeToken[" + label + "]";
    }

    private Optional<Long> privateKey(String id) throws TokenException {
        long[] found = session.findObjects(AttributeVector.newPrivateKey().id(id.getBytes(StandardCharsets.UTF_8)), 1);
        return found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    private static EncodedPublicKey ed25519Point(byte[] point) {
        if (point.length == 34 && point[0] == 0x04 && point[1] == 0x20) {
            return new EncodedPublicKey(Curve.ED25519, Arrays.copyOfRange(point, 2, 34));
        }
        return new EncodedPublicKey(Curve.ED25519, point);
    }

    static String reason(TokenException e) {
        return e instanceof PKCS11Exception p ? p.getErrorName() : e.getClass().getSimpleName();
    }
}

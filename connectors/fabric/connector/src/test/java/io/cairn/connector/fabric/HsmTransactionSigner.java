package io.cairn.connector.fabric;

import io.cairn.connector.spi.SignatureScheme;
import io.cairn.connector.spi.SignerKey;
import io.cairn.connector.spi.SigningRequest;
import io.cairn.connector.spi.TransactionSigner;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.signing.formats.FabricSigner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link TransactionSigner} over key custody (here: a SoftHSM token through {@code Pkcs11KeyCustody}):
 * {@code hsm-signing}'s {@link FabricSigner} hashes the payload with SHA-256 and signs it in the custody,
 * DER with low S. Records every signed payload with its signature for the tests to check.
 */
final class HsmTransactionSigner implements TransactionSigner {

    /** One signature made. */
    record Signed(byte[] payload, byte[] der) {
    }

    private final KeyCustody custody;
    private final FabricSigner fabric;
    private final Map<String, KeyHandle> aliases = new ConcurrentHashMap<>();
    private final List<Signed> signed = new CopyOnWriteArrayList<>();

    HsmTransactionSigner(KeyCustody custody) {
        this.custody = custody;
        this.fabric = new FabricSigner(custody);
    }

    void register(String alias, KeyHandle handle) {
        aliases.put(alias, handle);
    }

    List<Signed> signed() {
        return List.copyOf(signed);
    }

    @Override
    public SignerKey key(String keyAlias) {
        return new SignerKey(keyAlias, SignatureScheme.ECDSA_P256_SHA256_DER, custody.publicKey(handle(keyAlias)).raw());
    }

    @Override
    public byte[] sign(SigningRequest request) {
        if (request.scheme() != SignatureScheme.ECDSA_P256_SHA256_DER) {
            throw new CairnException(ErrorCode.LEDGER_SIGNING_FAILED, "not a Fabric request: " + request.scheme());
        }
        byte[] der = fabric.sign(handle(request.keyAlias()), request.payload()).der();
        signed.add(new Signed(request.payload(), der));
        return der;
    }

    private KeyHandle handle(String alias) {
        KeyHandle handle = aliases.get(alias);
        if (handle == null) {
            throw new CairnException(ErrorCode.SIGN_KEY_NOT_FOUND, "no key " + alias);
        }
        return handle;
    }
}

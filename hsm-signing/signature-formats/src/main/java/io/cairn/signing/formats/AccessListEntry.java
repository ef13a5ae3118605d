package io.cairn.signing.formats;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of an EIP-2930 access list, as EIP-1559 transactions carry it.
 *
 * @param address     the account the transaction will touch
 * @param storageKeys the storage slots, each {@code 0x} and 64 hex digits (kept lower-case)
 */
public record AccessListEntry(EthereumAddress address, List<String> storageKeys) {

    /** Checks and normalises the storage keys. */
    public AccessListEntry {
        Objects.requireNonNull(address, "address");
        storageKeys = storageKeys.stream().map(AccessListEntry::storageKey).toList();
    }

    /** The storage keys as 32-byte values. */
    public List<byte[]> storageKeyBytes() {
        return storageKeys.stream().map(k -> HexFormat.of().parseHex(k.substring(2))).toList();
    }

    private static String storageKey(String key) {
        if (key == null || !key.matches("0[xX][0-9a-fA-F]{64}")) {
            throw CairnException.field(ErrorCode.SIGN_INVALID_INPUT, "accessList",
                    "an access list storage key is 0x followed by 64 hex digits");
        }
        return key.toLowerCase(Locale.ROOT);
    }
}

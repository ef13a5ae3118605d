package io.cairn.signing.formats;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/** Builds the RLP items of Ethereum transactions (Yellow Paper appendix B) with web3j's encoder. */
final class RlpFields {
    private final List<RlpType> items = new ArrayList<>(12);

    RlpFields quantity(BigInteger value) {
        items.add(RlpString.create(value));
        return this;
    }

    RlpFields quantity(long value) {
        return quantity(BigInteger.valueOf(value));
    }

    RlpFields bytes(byte[] value) {
        items.add(RlpString.create(value));
        return this;
    }

    /** A recipient: the 20 address bytes, or the empty string for contract creation. */
    RlpFields to(Optional<EthereumAddress> to) {
        return bytes(to.map(EthereumAddress::bytes).orElse(new byte[0]));
    }

    RlpFields accessList(List<AccessListEntry> entries) {
        List<RlpType> list = new ArrayList<>(entries.size());
        for (AccessListEntry e : entries) {
            List<RlpType> keys = e.storageKeyBytes().stream().<RlpType>map(RlpString::create).toList();
            list.add(new RlpList(RlpString.create(e.address().bytes()), new RlpList(keys)));
        }
        items.add(new RlpList(list));
        return this;
    }

    RlpFields signature(BigInteger v, BigInteger r, BigInteger s) {
        return quantity(v).quantity(r).quantity(s);
    }

    /** The RLP list of the items. */
    byte[] encode() {
        return RlpEncoder.encode(new RlpList(items));
    }

    /** A typed transaction envelope (EIP-2718): the type byte, then the RLP list. */
    byte[] encodeTyped(int type) {
        byte[] list = encode();
        byte[] out = new byte[list.length + 1];
        out[0] = (byte) type;
        System.arraycopy(list, 0, out, 1, list.length);
        return out;
    }
}

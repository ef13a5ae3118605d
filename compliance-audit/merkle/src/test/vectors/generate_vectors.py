#!/usr/bin/env python3
"""Writes the RFC 6962 / RFC 9162 test vectors used by cairn-merkle's tests.

The eight published reference leaves, tree roots, inclusion paths and consistency proofs (the
set used by Certificate Transparency implementations) are written below as hex. This script
re-derives every proof for every tree of up to eight leaves straight from the recursive
definitions in RFC 9162 section 2.1, asserts that they agree with the published values, and
writes JSON files with valid cases and mutated (invalid) ones, each with a "wantErr" flag.

Run from this directory:  python3 generate_vectors.py ../resources/vectors
"""
import base64
import hashlib
import json
import os
import sys

LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
          "606162636465666768696a6b6c6d6e6f"]

# Published roots of the trees made of the first 1..8 leaves.
PUBLISHED_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]

# Published inclusion paths: (zero-based leaf index, tree size, path).
PUBLISHED_INCLUSION = [
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]

# Published consistency proofs: (size1, size2, proof).
PUBLISHED_CONSISTENCY = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]

EMPTY_ROOT = hashlib.sha256(b"").digest()
SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")
ZERO_HASH = bytes(32)


def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(entries):
    if not entries:
        return EMPTY_ROOT
    if len(entries) == 1:
        return leaf_hash(entries[0])
    k = split(len(entries))
    return node_hash(mth(entries[:k]), mth(entries[k:]))


def path(m, entries):
    if len(entries) <= 1:
        return []
    k = split(len(entries))
    if m < k:
        return path(m, entries[:k]) + [mth(entries[k:])]
    return path(m - k, entries[k:]) + [mth(entries[:k])]


def subproof(m, entries, complete):
    n = len(entries)
    if m == n:
        return [] if complete else [mth(entries)]
    k = split(n)
    if m <= k:
        return subproof(m, entries[:k], complete) + [mth(entries[k:])]
    return subproof(m - k, entries[k:], False) + [mth(entries[:k])]


def consistency(m, entries):
    if m == 0 or m == len(entries):
        return []
    return subproof(m, entries, True)


def b64(raw):
    return base64.b64encode(raw).decode("ascii")


def check_published(entries):
    for size, want in enumerate(PUBLISHED_ROOTS, start=1):
        assert mth(entries[:size]).hex() == want, f"root of {size}"
    for index, size, want in PUBLISHED_INCLUSION:
        assert [h.hex() for h in path(index, entries[:size])] == want, f"path {index}/{size}"
    for size1, size2, want in PUBLISHED_CONSISTENCY:
        assert [h.hex() for h in consistency(size1, entries[:size2])] == want, f"proof {size1}/{size2}"


def inclusion_case(desc, idx, size, root, leaf, proof, want_err):
    return {"desc": desc, "leafIdx": idx, "treeSize": size, "root": b64(root),
            "leafHash": b64(leaf), "proof": [b64(p) for p in proof], "wantErr": want_err}


def flipped(proof, i, mask):
    out = list(proof)
    out[i] = bytes([out[i][0] ^ mask]) + out[i][1:]
    return out


def inclusion_mutations(idx, size, root, leaf, proof):
    yield "leafIdx - 1", idx - 1, size, root, leaf, proof
    yield "leafIdx + 1", idx + 1, size, root, leaf, proof
    yield "leafIdx ^ 2", idx ^ 2, size, root, leaf, proof
    yield "treeSize * 2", idx, size * 2, root, leaf, proof
    yield "treeSize / 2", idx, size // 2, root, leaf, proof
    yield "wrong leaf", idx, size, root, leaf_hash(b"WrongLeaf"), proof
    yield "empty root", idx, size, EMPTY_ROOT, leaf, proof
    yield "random root", idx, size, SOME_HASH, leaf, proof
    yield "trailing zero hash (padded)", idx, size, root, leaf, proof + [ZERO_HASH]
    yield "trailing root (padded)", idx, size, root, leaf, proof + [root]
    yield "preceding zero hash", idx, size, root, leaf, [ZERO_HASH] + proof
    yield "preceding root", idx, size, root, leaf, [root] + proof
    for i in range(len(proof)):
        yield f"modified proof[{i}] bit 3", idx, size, root, leaf, flipped(proof, i, 8)
        yield f"modified proof[{i}] last byte", idx, size, root, leaf, \
            proof[:i] + [proof[i][:-1] + bytes([proof[i][-1] ^ 1])] + proof[i + 1:]
    if proof:
        yield "removed last component (truncated)", idx, size, root, leaf, proof[:-1]
        yield "removed first component", idx, size, root, leaf, proof[1:]
        yield "reversed proof", idx, size, root, leaf, proof[::-1] if len(proof) > 1 else [SOME_HASH]
    if len(proof) > 1:
        yield "inserted component", idx, size, root, leaf, [proof[0], SOME_HASH] + proof[1:]


def inclusion_vectors(entries):
    cases = []
    for size in range(1, len(entries) + 1):
        root = mth(entries[:size])
        for idx in range(size):
            leaf = leaf_hash(entries[idx])
            proof = path(idx, entries[:size])
            cases.append(inclusion_case(f"happy path {idx}/{size}", idx, size, root, leaf, proof, False))
            for m in inclusion_mutations(idx, size, root, leaf, proof):
                if m[1] < 0 or m[1] != idx or m[2] != size or m[3] != root or m[4] != leaf or m[5] != proof:
                    cases.append(inclusion_case(f"{m[0]} of {idx}/{size}", *m[1:], True))
    leaf0 = leaf_hash(entries[0])
    cases.append(inclusion_case("empty tree has no entries", 0, 0, EMPTY_ROOT, leaf0, [], True))
    cases.append(inclusion_case("empty tree, leaf hash as root", 0, 0, leaf0, leaf0, [], True))
    cases.append(inclusion_case("index equal to size", 1, 1, leaf0, leaf0, [], True))
    cases.append(inclusion_case("index past size", 2, 1, leaf0, leaf0, [], True))
    cases.append(inclusion_case("single entry: root is not the leaf hash", 0, 1, SOME_HASH, leaf0, [], True))
    cases.append(inclusion_case("single entry: padded with its own hash", 0, 1, leaf0, leaf0, [leaf0], True))
    return cases


def consistency_case(desc, size1, size2, root1, root2, proof, want_err):
    return {"desc": desc, "size1": size1, "size2": size2, "root1": b64(root1), "root2": b64(root2),
            "proof": [b64(p) for p in proof], "wantErr": want_err}


def consistency_mutations(size1, size2, root1, root2, proof):
    yield "size1 - 1", size1 - 1, size2, root1, root2, proof
    yield "size1 + 1", size1 + 1, size2, root1, root2, proof
    yield "size1 ^ 2", size1 ^ 2, size2, root1, root2, proof
    yield "size2 * 2", size1, size2 * 2, root1, root2, proof
    yield "size2 / 2", size1, size2 // 2, root1, root2, proof
    yield "wrong root1", size1, size2, SOME_HASH, root2, proof
    yield "wrong root2", size1, size2, root1, SOME_HASH, proof
    yield "swapped roots", size1, size2, root2, root1, proof
    yield "empty proof", size1, size2, root1, root2, []
    yield "trailing zero hash (padded)", size1, size2, root1, root2, proof + [ZERO_HASH]
    yield "trailing root1 (padded)", size1, size2, root1, root2, proof + [root1]
    yield "trailing root2 (padded)", size1, size2, root1, root2, proof + [root2]
    yield "preceding zero hash", size1, size2, root1, root2, [ZERO_HASH] + proof
    yield "preceding root1", size1, size2, root1, root2, [root1] + proof
    yield "preceding root2", size1, size2, root1, root2, [root2] + proof
    yield "preceding proof[0]", size1, size2, root1, root2, [proof[0]] + proof
    yield "truncated proof", size1, size2, root1, root2, proof[:-1]
    yield "removed first component", size1, size2, root1, root2, proof[1:]
    for i in range(len(proof)):
        yield f"modified proof[{i}] bit 4", size1, size2, root1, root2, flipped(proof, i, 16)


def consistency_vectors(entries):
    cases = []
    n = len(entries)
    for size2 in range(0, n + 1):
        root2 = mth(entries[:size2])
        for size1 in range(0, size2 + 1):
            root1 = mth(entries[:size1])
            proof = consistency(size1, entries[:size2])
            cases.append(consistency_case(f"happy path {size1}->{size2}", size1, size2, root1, root2, proof, False))
            if not proof:
                continue
            for m in consistency_mutations(size1, size2, root1, root2, proof):
                if m[1:] != (size1, size2, root1, root2, proof):
                    cases.append(consistency_case(f"{m[0]} of {size1}->{size2}", *m[1:], True))
    r1, r3, r8 = mth(entries[:1]), mth(entries[:3]), mth(entries[:8])
    extra = [
        ("size1 > size2", 8, 3, r8, r3, [], True),
        ("size1 > size2 with a real proof reversed", 3, 1, r3, r1, [], True),
        ("equal sizes, different roots", 3, 3, r3, r8, [], True),
        ("equal sizes, same roots, non-empty proof", 3, 3, r3, r3, [r3], True),
        ("equal sizes, empty proof, same roots", 8, 8, r8, r8, [], False),
        ("empty trees, both roots the empty hash", 0, 0, EMPTY_ROOT, EMPTY_ROOT, [], False),
        ("empty trees, roots not the empty hash", 0, 0, r1, r1, [], True),
        ("empty trees, non-empty proof", 0, 0, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT], True),
        ("from empty tree, any later tree", 0, 8, EMPTY_ROOT, r8, [], False),
        ("from empty tree, non-empty proof", 0, 8, EMPTY_ROOT, r8, [EMPTY_ROOT], True),
        ("from empty tree, root1 is not the empty hash", 0, 8, SOME_HASH, r8, [], True),
    ]
    for desc, s1, s2, a, b, proof, want in extra:
        cases.append(consistency_case(desc, s1, s2, a, b, proof, want))
    return cases


def rfc_verify_inclusion(case):
    """RFC 9162 section 2.1.3.2, used to double-check every written case."""
    idx, size = case["leafIdx"], case["treeSize"]
    r, root = base64.b64decode(case["leafHash"]), base64.b64decode(case["root"])
    if idx < 0 or idx >= size:
        return False
    fn, sn = idx, size - 1
    for p in (base64.b64decode(x) for x in case["proof"]):
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def rfc_verify_consistency(case):
    """RFC 9162 section 2.1.4.2 plus the size1 = 0 and size1 = size2 rules of section 2.1.4."""
    m, n = case["size1"], case["size2"]
    root1, root2 = base64.b64decode(case["root1"]), base64.b64decode(case["root2"])
    proof = [base64.b64decode(x) for x in case["proof"]]
    if m < 0 or m > n:
        return False
    if m == n:
        return not proof and root1 == root2 and (m > 0 or root1 == EMPTY_ROOT)
    if m == 0:
        return not proof and root1 == EMPTY_ROOT
    if not proof:
        return False
    if m & (m - 1) == 0:
        proof = [root1] + proof
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == root1 and sr == root2


def check_cases(cases, verify):
    for case in cases:
        assert verify(case) != case["wantErr"], case["desc"]


def tree_vectors(entries):
    return {"leaves": [e.hex() for e in entries],
            "roots": [b64(mth(entries[:size])) for size in range(0, len(entries) + 1)]}


def main(out_dir):
    entries = [bytes.fromhex(h) for h in LEAVES]
    check_published(entries)
    check_cases(inclusion_vectors(entries), rfc_verify_inclusion)
    check_cases(consistency_vectors(entries), rfc_verify_consistency)
    os.makedirs(out_dir, exist_ok=True)
    outputs = {"tree.json": tree_vectors(entries),
               "inclusion.json": inclusion_vectors(entries),
               "consistency.json": consistency_vectors(entries)}
    for name, content in outputs.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as out:
            json.dump(content, out, indent=1)
            out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../resources/vectors")

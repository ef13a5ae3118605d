// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Cairn anchoring contract
/// @notice Records nothing in storage: every anchor is one event in the transaction's receipt, so the
///         ledger's own block hashes and receipts root are the proof that the hash pointer was written.
contract CairnAnchor {
    /// @notice One verification block's hash pointer, written by `submitter`.
    /// @param hashPointer the 32-byte hash of the verification block
    /// @param application the application id, UTF-8, left-aligned and zero-padded
    /// @param blockSeq the block's sequence number within the application
    /// @param submitter the account that sent the anchoring transaction
    event Anchored(bytes32 indexed hashPointer, bytes32 indexed application, uint64 blockSeq, address indexed submitter);

    /// @notice Anchors one hash pointer.
    function anchor(bytes32 hashPointer, bytes32 application, uint64 blockSeq) external {
        emit Anchored(hashPointer, application, blockSeq, msg.sender);
    }
}

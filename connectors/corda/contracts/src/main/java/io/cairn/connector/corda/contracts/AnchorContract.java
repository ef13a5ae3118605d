package io.cairn.connector.corda.contracts;

import java.security.PublicKey;
import java.util.List;
import java.util.regex.Pattern;
import net.corda.core.contracts.CommandData;
import net.corda.core.contracts.Command;
import net.corda.core.contracts.Contract;
import net.corda.core.transactions.LedgerTransaction;

/**
 * Rules for {@link AnchorState}s: an anchor is issued once and never changes or goes away.
 *
 * <p>The only valid transaction is an {@link Commands.Anchor} with no inputs, exactly one output (an
 * {@code AnchorState}), exactly one command, signed by the anchoring party, and fields valid by the hash
 * pointer rules: a 32-byte digest (64 lower-case hex characters), an application id of 1-32 characters of
 * {@code [a-z0-9._-]} and a block sequence number of at least 0. Every other shape is rejected, so an
 * anchor cannot be consumed, altered or issued together with anything else.
 */
public final class AnchorContract implements Contract {

    /** The contract's name as transactions refer to it. */
    public static final String ID = "io.cairn.connector.corda.contracts.AnchorContract";

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern APPLICATION = Pattern.compile("[a-z0-9._-]{1,32}");

    /** Commands of this contract. */
    public interface Commands extends CommandData {

        /** Issues one anchor. */
        final class Anchor implements Commands {
            @Override
            public boolean equals(Object other) {
                return other instanceof Anchor;
            }

            @Override
            public int hashCode() {
                return Anchor.class.hashCode();
            }
        }
    }

    @Override
    public void verify(LedgerTransaction tx) {
        List<Command<Commands>> commands = tx.commandsOfType(Commands.class);
        require(tx.getCommands().size() == 1 && commands.size() == 1
                && commands.get(0).getValue() instanceof Commands.Anchor,
                "an anchor transaction carries exactly one command, Anchor");
        require(tx.getInputs().isEmpty() && tx.getReferences().isEmpty(),
                "anchors are immutable: an anchor transaction consumes and references nothing");
        require(tx.getOutputs().size() == 1 && tx.outputsOfType(AnchorState.class).size() == 1,
                "an anchor transaction has exactly one output, the AnchorState");
        AnchorState anchor = tx.outputsOfType(AnchorState.class).get(0);
        requireValidFields(anchor);
        List<PublicKey> signers = commands.get(0).getSigners();
        require(signers.contains(anchor.getAnchoringParty().getOwningKey()),
                "the anchoring party signs the anchor");
    }

    /**
     * Checks an anchor's fields by the hash pointer rules.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public static void requireValidFields(AnchorState anchor) {
        require(DIGEST.matcher(anchor.getDigest()).matches(),
                "the digest is 32 bytes as 64 lower-case hex characters");
        require(APPLICATION.matcher(anchor.getApplication()).matches(),
                "the application id is 1-32 characters of [a-z0-9._-]");
        require(anchor.getBlockSeq() >= 0, "the block sequence number is not negative");
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException("Failed requirement: " + rule);
        }
    }
}

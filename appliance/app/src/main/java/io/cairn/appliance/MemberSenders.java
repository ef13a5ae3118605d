package io.cairn.appliance;

import io.cairn.blocks.Sender;
import io.cairn.blocks.SenderDirectory;
import io.cairn.kernel.CairnException;
import io.cairn.membership.Lei;
import io.cairn.membership.Member;
import io.cairn.membership.MemberRegistry;
import io.cairn.membership.MemberStatus;
import java.util.Optional;

/**
 * Message senders are consortium members, named by their LEI: a sender may sign with any Ethereum account
 * registered among the member's ledger identities, and only while the member is active.
 */
final class MemberSenders implements SenderDirectory {
    private final MemberRegistry members;

    MemberSenders(MemberRegistry members) {
        this.members = members;
    }

    @Override
    public Optional<Sender> find(String senderId) {
        Optional<Member> member;
        try {
            member = members.find(Lei.of(senderId));
        } catch (CairnException notAnLei) {
            member = Optional.empty();
        }
        return member.map(m -> new Sender(m.lei().value(), m.status() == MemberStatus.ACTIVE,
                m.ledgerIdentities().ethereumAccounts()));
    }
}

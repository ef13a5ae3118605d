package io.cairn.connector.corda.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import net.corda.core.contracts.BelongsToContract;
import net.corda.core.identity.AbstractParty;
import net.corda.core.identity.Party;
import net.corda.core.schemas.MappedSchema;
import net.corda.core.schemas.PersistentState;
import net.corda.core.schemas.QueryableState;

/**
 * One anchored hash pointer: the digest of a verification block, its application and block sequence,
 * written by the anchoring party and shared with the consortium's observers.
 *
 * <p>The constructor does not validate: {@link AnchorContract} decides which states a ledger accepts.
 */
@BelongsToContract(AnchorContract.class)
public final class AnchorState implements QueryableState {

    private final String digest;
    private final String application;
    private final long blockSeq;
    private final Party anchoringParty;
    private final List<Party> observers;

    /**
     * An anchor.
     *
     * @param digest         the block's 32-byte digest as 64 lower-case hex characters
     * @param application    the application id (1-32 characters of {@code [a-z0-9._-]})
     * @param blockSeq       the block's sequence number within the application
     * @param anchoringParty the party that writes the anchor and signs its transaction
     * @param observers      consortium members that receive a copy of the anchor
     */
    public AnchorState(String digest, String application, long blockSeq, Party anchoringParty, List<Party> observers) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.application = Objects.requireNonNull(application, "application");
        this.blockSeq = blockSeq;
        this.anchoringParty = Objects.requireNonNull(anchoringParty, "anchoringParty");
        this.observers = Collections.unmodifiableList(new ArrayList<>(observers));
    }

    /** The digest as 64 lower-case hex characters. */
    public String getDigest() {
        return digest;
    }

    /** The application id. */
    public String getApplication() {
        return application;
    }

    /** The block sequence number. */
    public long getBlockSeq() {
        return blockSeq;
    }

    /** The party that wrote the anchor. */
    public Party getAnchoringParty() {
        return anchoringParty;
    }

    /** The consortium members that observe the anchor. */
    public List<Party> getObservers() {
        return observers;
    }

    /** The anchoring party first, then the observers. */
    @Override
    public List<AbstractParty> getParticipants() {
        List<AbstractParty> participants = new ArrayList<>(observers.size() + 1);
        participants.add(anchoringParty);
        participants.addAll(observers);
        return participants;
    }

    @Override
    public PersistentState generateMappedObject(MappedSchema schema) {
        if (!(schema instanceof AnchorSchemaV1)) {
            throw new IllegalArgumentException("unknown schema " + schema.getName());
        }
        return new AnchorSchemaV1.PersistentAnchor(digest, application, blockSeq,
                anchoringParty.getName().toString());
    }

    @Override
    public Iterable<MappedSchema> supportedSchemas() {
        return Collections.<MappedSchema>singletonList(new AnchorSchemaV1());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AnchorState)) {
            return false;
        }
        AnchorState that = (AnchorState) other;
        return digest.equals(that.digest) && application.equals(that.application) && blockSeq == that.blockSeq
                && anchoringParty.equals(that.anchoringParty) && observers.equals(that.observers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digest, application, blockSeq, anchoringParty, observers);
    }

    @Override
    public String toString() {
        return "AnchorState[" + application + "#" + blockSeq + " " + digest + " by " + anchoringParty.getName() + "]";
    }
}

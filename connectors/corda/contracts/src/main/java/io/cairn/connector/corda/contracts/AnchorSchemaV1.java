package io.cairn.connector.corda.contracts;

import java.util.Collections;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import net.corda.core.schemas.MappedSchema;
import net.corda.core.schemas.PersistentState;

/**
 * Version 1 of the vault table of {@link AnchorState}s: one row per anchor with its hash pointer and
 * anchoring party, so that vault queries can select anchors by digest, application and block sequence.
 */
public final class AnchorSchemaV1 extends MappedSchema {

    /** Name of the Liquibase change log that creates the table (under {@code migration/}). */
    public static final String MIGRATION_RESOURCE = "cairn-anchor.changelog-master";

    /** The schema with its one mapped entity. */
    public AnchorSchemaV1() {
        super(AnchorSchema.class, 1, Collections.<Class<?>>singletonList(PersistentAnchor.class));
    }

    @Override
    public String getMigrationResource() {
        return MIGRATION_RESOURCE;
    }

    /** One anchor as the vault stores it. Field names are the names vault queries use. */
    @Entity
    @Table(name = "cairn_anchor_states",
            indexes = @Index(name = "cairn_anchor_pointer_idx", columnList = "digest,application,block_seq"))
    public static class PersistentAnchor extends PersistentState {
        private static final long serialVersionUID = 1L;

        @Column(name = "digest", length = 64, nullable = false)
        private final String digest;

        @Column(name = "application", length = 32, nullable = false)
        private final String application;

        @Column(name = "block_seq", nullable = false)
        private final long blockSeq;

        @Column(name = "anchoring_party", nullable = false)
        private final String anchoringParty;

        /**
         * A row for one anchor.
         *
         * @param digest         the hash pointer's digest, 64 lower-case hex characters
         * @param application    the application id
         * @param blockSeq       the block sequence number
         * @param anchoringParty the X.500 name of the party that wrote the anchor
         */
        public PersistentAnchor(String digest, String application, long blockSeq, String anchoringParty) {
            this.digest = digest;
            this.application = application;
            this.blockSeq = blockSeq;
            this.anchoringParty = anchoringParty;
        }

        /** For the persistence provider only. */
        protected PersistentAnchor() {
            this("", "", 0L, "");
        }

        /** The digest in lower-case hex. */
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

        /** The anchoring party's X.500 name. */
        public String getAnchoringParty() {
            return anchoringParty;
        }
    }
}

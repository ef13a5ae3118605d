package io.cairn.connector.corda;

import io.cairn.connector.corda.contracts.AnchorSchemaV1.PersistentAnchor;
import io.cairn.connector.corda.contracts.AnchorState;
import java.util.List;
import java.util.Optional;
import net.corda.core.contracts.StateRef;
import net.corda.core.crypto.SecureHash;
import net.corda.core.node.services.Vault;
import net.corda.core.node.services.vault.Builder;
import net.corda.core.node.services.vault.CriteriaExpression;
import net.corda.core.node.services.vault.FieldInfo;
import net.corda.core.node.services.vault.QueryCriteria;
import net.corda.core.node.services.vault.QueryCriteriaUtils;

/**
 * Turns {@link AnchorCriteria} into a Corda vault query over {@code AnchorSchemaV1} columns.
 *
 * <p>A transaction id becomes the state reference {@code (id, 0)}: {@code AnchorContract} admits exactly one
 * output per anchor transaction.
 */
final class AnchorVaultQuery {

    private AnchorVaultQuery() {
    }

    /** Criteria selecting consumed and unconsumed anchors that match every present field. */
    static QueryCriteria of(AnchorCriteria criteria) {
        QueryCriteria query = new QueryCriteria.VaultQueryCriteria(Vault.StateStatus.ALL);
        query = column(query, "digest", criteria.digestHex());
        query = column(query, "application", criteria.application());
        query = column(query, "blockSeq", criteria.blockSeq());
        if (criteria.transactionId().isPresent()) {
            StateRef ref = new StateRef(SecureHash.create(criteria.transactionId().get()), 0);
            query = query.and(new QueryCriteria.VaultQueryCriteria(Vault.StateStatus.ALL).withStateRefs(List.of(ref)));
        }
        return query;
    }

    // Corda's Java query API: an expression on a reflected column is typed on Object, which the criteria's
    // StatePersistable bound cannot express, so the criteria is built raw.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static QueryCriteria column(QueryCriteria query, String name, Optional<?> value) {
        if (value.isEmpty()) {
            return query;
        }
        CriteriaExpression expression = Builder.equal(field(name), value.get());
        return query.and(new QueryCriteria.VaultCustomQueryCriteria(expression, Vault.StateStatus.ALL));
    }

    private static FieldInfo field(String name) {
        try {
            return QueryCriteriaUtils.getField(name, PersistentAnchor.class);
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("AnchorSchemaV1 has no column " + name, impossible);
        }
    }

    /** The state type the queries select. */
    static Class<AnchorState> stateType() {
        return AnchorState.class;
    }
}

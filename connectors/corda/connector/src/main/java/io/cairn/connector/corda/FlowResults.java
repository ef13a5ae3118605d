package io.cairn.connector.corda;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import net.corda.core.crypto.SecureHash;
import net.corda.core.transactions.SignedTransaction;

/** Reads the anchoring flow's return value: the notarised transaction, or its id. */
final class FlowResults {

    private FlowResults() {
    }

    /** The transaction id the flow returned, in Corda's notation. */
    static String transactionId(FlowResult result) {
        Object value = result.returnValue();
        if (value instanceof SignedTransaction transaction) {
            return transaction.getId().toString();
        }
        if (value instanceof SecureHash id) {
            return id.toString();
        }
        throw new CairnException(ErrorCode.LEDGER_INVALID_RESPONSE, "flow run " + result.runId()
                + " returned a " + value.getClass().getName() + ", not a SignedTransaction");
    }
}

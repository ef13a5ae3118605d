package io.cairn.anchoring;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL of the {@code anchoring.ledgers} table. */
final class LedgerRows {
    private static final String COLUMNS = "name, type, endpoints, chain_id, key_alias, contract_address, "
            + "deployment_block, finality_depth, transaction_type, gas, tls_ca_pem, auth_header, registered_at, "
            + "registered_by";

    private LedgerRows() {
    }

    static void insert(Handle h, RegisteredLedger ledger) {
        LedgerDefinition d = ledger.definition();
        h.createUpdate("insert into anchoring.ledgers (" + COLUMNS + ") values (:name, :type, :endpoints, :chainId, "
                        + ":keyAlias, :contract, :deploymentBlock, :depth, :txType, :gas, :pem, :auth, :at, :by)")
                .bind("name", d.name()).bind("type", d.type())
                .bind("endpoints", d.endpoints().stream().map(URI::toString).collect(Collectors.joining("\n")))
                .bind("chainId", d.chainId()).bind("keyAlias", d.keyAlias()).bind("contract", d.contractAddress())
                .bind("deploymentBlock", d.deploymentBlock()).bind("depth", d.finalityDepth())
                .bind("txType", d.transactionType()).bind("gas", d.gas()).bind("pem", d.tlsCaPem().orElse(null))
                .bind("auth", d.authHeader().orElse(null)).bind("at", Timestamp.from(ledger.registeredAt()))
                .bind("by", ledger.registeredBy()).execute();
    }

    static List<RegisteredLedger> all(Handle h) {
        return h.createQuery("select " + COLUMNS + " from anchoring.ledgers order by name")
                .map((rs, ctx) -> read(rs)).list();
    }

    static Optional<RegisteredLedger> find(Handle h, String name) {
        return h.createQuery("select " + COLUMNS + " from anchoring.ledgers where name = :name").bind("name", name)
                .map((rs, ctx) -> read(rs)).findOne();
    }

    static void delete(Handle h, String name) {
        h.createUpdate("delete from anchoring.anchor_jobs where ledger = :name").bind("name", name).execute();
        h.createUpdate("delete from anchoring.ledgers where name = :name").bind("name", name).execute();
    }

    private static RegisteredLedger read(ResultSet rs) throws SQLException {
        LedgerDefinition d = new LedgerDefinition(rs.getString("name"), rs.getString("type"),
                Arrays.stream(rs.getString("endpoints").split("\n")).map(URI::create).toList(), rs.getLong("chain_id"),
                rs.getString("key_alias"), rs.getString("contract_address"), rs.getLong("deployment_block"),
                LedgerDefinition.finalityOf(rs.getInt("finality_depth")), rs.getString("transaction_type"),
                rs.getString("gas"), Optional.ofNullable(rs.getString("tls_ca_pem")),
                Optional.ofNullable(rs.getString("auth_header")));
        return new RegisteredLedger(d, rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"));
    }
}

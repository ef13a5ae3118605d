package io.cairn.custody.software;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sealed keys in table {@code signing.software_keys} (migration
 * {@code db/cairn/signing/V1__software_keys.sql}). Any database failure is
 * {@link ErrorCode#SIGN_CUSTODY_UNAVAILABLE}: nothing is signed without the store.
 */
public final class JdbcSealedKeyRepository implements SealedKeyRepository {
    private static final String INSERT = "INSERT INTO signing.software_keys "
            + "(id, label, curve, public_key, sealed_private_key, imported, created_at, destroyed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)";
    private static final String SELECT = "SELECT id, label, curve, public_key, sealed_private_key, imported, "
            + "created_at, destroyed_at FROM signing.software_keys WHERE id = ?";
    private static final String DESTROY = "UPDATE signing.software_keys SET sealed_private_key = NULL, "
            + "destroyed_at = COALESCE(destroyed_at, ?) WHERE id = ?";

    private final DataSource dataSource;

    /** A repository over this data source; the migration must have run. */
    public JdbcSealedKeyRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(SealedKey key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, key.id());
            s.setString(2, key.label());
            s.setString(3, key.curve().label());
            s.setBytes(4, key.publicKey().raw());
            s.setBytes(5, key.sealed().orElseThrow());
            s.setBoolean(6, key.imported());
            s.setTimestamp(7, Timestamp.from(key.createdAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<SealedKey> find(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean markDestroyed(String id, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DESTROY)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static SealedKey read(ResultSet rs) throws SQLException {
        Curve curve = Curve.fromLabel(rs.getString("curve"))
                .orElseThrow(() -> new SQLException("unknown curve in signing.software_keys"));
        Timestamp destroyed = rs.getTimestamp("destroyed_at");
        return new SealedKey(rs.getString("id"), rs.getString("label"),
                new EncodedPublicKey(curve, rs.getBytes("public_key")),
                Optional.ofNullable(rs.getBytes("sealed_private_key")), rs.getBoolean("imported"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(destroyed).map(Timestamp::toInstant));
    }

    private static CairnException unavailable(SQLException e) {
        return new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "the software key store is unavailable", e);
    }
}

package io.cairn.identity;

import io.cairn.kernel.access.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps identity rows to records. */
final class Rows {
    private Rows() {
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                roles(rs.getArray("roles")), Optional.ofNullable(rs.getString("client_certificate_sha256")),
                rs.getBoolean("enabled"), instant(rs, "created_at"), rs.getString("created_by"));
    }

    static ApiToken token(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                roles(rs.getArray("scopes")), instant(rs, "created_at"), instant(rs, "expires_at"),
                Optional.ofNullable(revoked).map(Timestamp::toInstant), rs.getString("created_by"));
    }

    static Set<Role> roles(Array array) throws SQLException {
        String[] labels = (String[]) array.getArray();
        return Arrays.stream(labels).map(l -> Role.fromLabel(l).orElseThrow(
                () -> new IllegalStateException("unknown role stored: " + l))).collect(Collectors.toSet());
    }

    static String[] labels(Set<Role> roles) {
        return roles.stream().map(Role::label).sorted().toArray(String[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}

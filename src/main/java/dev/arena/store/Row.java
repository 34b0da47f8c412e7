package dev.arena.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One write as data: a named statement and its values (text, whole numbers, decimals or null),
 * which the writer runs against the database or keeps in the journal until it can.
 */
record Row(RowStatement statement, List<Object> values) implements StoreWriter.Write {

    Row {
        values = Collections.unmodifiableList(Arrays.asList(values.toArray())); // nulls allowed
    }

    static Row of(RowStatement statement, Object... values) {
        return new Row(statement, Arrays.asList(values));
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    s.setNull(i + 1, Types.NULL);
                } else if (value instanceof String text) {
                    s.setString(i + 1, text);
                } else if (value instanceof Double || value instanceof Float) {
                    s.setDouble(i + 1, ((Number) value).doubleValue());
                } else if (value instanceof Number number) {
                    s.setLong(i + 1, number.longValue());
                } else if (value instanceof Boolean flag) {
                    s.setInt(i + 1, flag ? 1 : 0);
                } else {
                    throw new IllegalArgumentException("a store value must be text or a number, not " + value.getClass());
                }
            }
            s.executeUpdate();
        }
    }
}

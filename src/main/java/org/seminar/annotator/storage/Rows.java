package org.seminar.annotator.storage;

import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.TupleTransformer;

/**
 * Rows of a native query whose values are read by column name, like JPA's {@code Tuple}, for queries that
 * return thousands of rows. Hibernate's native {@code Tuple} builds a map of lower-cased names for every
 * row and lower-cases the name again on every read: over the 5,000 rows of an annotation list that was a
 * third of the list's time in the app. Here the names are indexed once per query and a row is its array
 * of values. Names are matched exactly as the query's column labels read (PostgreSQL folds unquoted
 * aliases to lower case).
 */
public final class Rows {

    private Rows() {
    }

    /** One row: its values, and where each column name is among them (shared by all rows of the query). */
    public record Row(Object[] values, Map<String, Integer> columns) {

        public Object get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new IllegalArgumentException("No column " + column + " in " + columns.keySet());
            }
            return values[i];
        }

        public <T> T get(String column, Class<T> type) {
            return type.cast(get(column));
        }
    }

    /** Runs the query (native, not yet run) and returns its rows. */
    @SuppressWarnings("unchecked")
    public static List<Row> of(Query query) {
        return query.unwrap(NativeQuery.class).setTupleTransformer(new Indexed()).getResultList();
    }

    /** Indexes the column names of the first row and reuses the index while the names are the same array. */
    private static final class Indexed implements TupleTransformer<Row> {
        private String[] names;
        private Map<String, Integer> columns;

        @Override
        public Row transformTuple(Object[] tuple, String[] aliases) {
            if (aliases != names) {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < aliases.length; i++) {
                    index.put(aliases[i], i);
                }
                names = aliases;
                columns = Map.copyOf(index);
            }
            return new Row(tuple, columns);
        }
    }
}

package io.ringway.storage.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Swift's listing loop ({@code ContainerBroker.list_objects_iter} and
 * {@code AccountBroker.list_containers_iter}): SQL range queries on {@code name}, and with a
 * delimiter, one query per subdir that then skips past everything under it. Names compare as
 * SQLite's BINARY collation does (UTF-8 bytes, that is code points), so the Java side compares
 * code points too.
 *
 * @param <R> the row type
 */
public final class DelimitedListing<R> {

    /** Reads one row; the name must be the first selected column. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    private final String table;
    private final String columns;
    private final String filter;
    private final List<Object> filterArgs;
    private final RowReader<R> reader;

    /**
     * @param table the table
     * @param columns the selected columns, {@code name} first
     * @param filter an extra SQL condition (such as {@code deleted = 0}), without {@code AND}
     * @param filterArgs the filter's arguments
     */
    public DelimitedListing(String table, String columns, String filter, List<Object> filterArgs,
            RowReader<R> reader) {
        this.table = table;
        this.columns = columns;
        this.filter = filter;
        this.filterArgs = List.copyOf(filterArgs);
        this.reader = reader;
    }

    public List<ListingEntry<R>> list(Connection connection, ListingQuery query) throws SQLException {
        String marker = query.marker();
        @Nullable String endMarker = query.endMarker();
        if (query.reverse()) {
            String swapped = marker;
            marker = endMarker == null ? "" : endMarker;
            endMarker = swapped;
        }
        @Nullable String prefix = query.prefix();
        @Nullable String delimiter = query.delimiter();
        @Nullable String path = query.path();
        if (path != null) {
            prefix = path;
            if (!path.isEmpty()) {
                path = stripTrailingSlashes(path) + "/";
                prefix = path;
            }
            delimiter = "/";
        } else if (delimiter != null && !delimiter.isEmpty() && prefix == null) {
            prefix = "";
        }
        @Nullable String endPrefix = prefix == null || prefix.isEmpty() ? null : incrementLast(prefix);
        String origMarker = marker;
        boolean delimForceGte = false;
        List<ListingEntry<R>> results = new ArrayList<>();
        while (results.size() < query.limit()) {
            List<String> conditions = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            boolean hasPrefix = prefix != null && !prefix.isEmpty();
            if (isSet(endMarker) && (!hasPrefix || compare(endMarker, endPrefix) < 0)) {
                conditions.add("name < ?");
                args.add(endMarker);
            } else if (hasPrefix) {
                conditions.add("name < ?");
                args.add(endPrefix);
            }
            if (delimForceGte) {
                conditions.add("name >= ?");
                args.add(marker);
                delimForceGte = false;
            } else if (!marker.isEmpty() && (!hasPrefix || compare(marker, prefix) >= 0)) {
                conditions.add("name > ?");
                args.add(marker);
            } else if (hasPrefix) {
                conditions.add("name >= ?");
                args.add(prefix);
            }
            if (!query.allowReserved()) {
                conditions.add("name >= ?");
                args.add("\u0001");
            }
            conditions.add(filter);
            args.addAll(filterArgs);
            String sql = "SELECT " + columns + " FROM " + table + " WHERE " + String.join(" AND ", conditions)
                    + " ORDER BY name " + (query.reverse() ? "DESC" : "") + " LIMIT ?";
            args.add(query.limit() - results.size());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    // Without a delimiter the prefix is fully handled by the query.
                    if (prefix == null || delimiter == null || delimiter.isEmpty()) {
                        while (rows.next()) {
                            results.add(new ListingEntry.Row<>(reader.read(rows)));
                        }
                        return results;
                    }
                    int rowCount = 0;
                    while (rows.next()) {
                        rowCount++;
                        String name = rows.getString(1);
                        if (query.reverse()) {
                            endMarker = name;
                        } else {
                            marker = name;
                        }
                        if (results.size() >= query.limit()) {
                            return results;
                        }
                        int end = name.indexOf(delimiter, prefix.length());
                        if (path != null) {
                            if (name.equals(path)) {
                                continue;
                            }
                            if (end >= 0 && name.length() > end + delimiter.length()) {
                                if (query.reverse()) {
                                    endMarker = name.substring(0, end + delimiter.length());
                                } else {
                                    marker = name.substring(0, end) + incrementLast(delimiter);
                                }
                                break;
                            }
                        } else if (end >= 0) {
                            if (query.reverse()) {
                                endMarker = name.substring(0, end + delimiter.length());
                            } else {
                                marker = name.substring(0, end) + incrementLast(delimiter);
                                // The next query must include the name just past the delimiter.
                                delimForceGte = true;
                            }
                            String dirName = name.substring(0, end + delimiter.length());
                            if (!dirName.equals(origMarker)) {
                                results.add(new ListingEntry.Subdir<>(dirName));
                            }
                            break;
                        }
                        results.add(new ListingEntry.Row<>(reader.read(rows)));
                    }
                    if (rowCount == 0) {
                        break;
                    }
                }
            }
        }
        return results;
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isEmpty();
    }

    /** Python's {@code s[:-1] + chr(ord(s[-1]) + 1)}, on code points. */
    static String incrementLast(String value) {
        int last = value.codePointBefore(value.length());
        int start = value.length() - Character.charCount(last);
        return value.substring(0, start) + new String(Character.toChars(last + 1));
    }

    /**
     * Code point order, which is SQLite's BINARY order on UTF-8 text, Python's str order and the
     * order of S3 listings.
     */
    public static int compare(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String stripTrailingSlashes(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(0, end);
    }
}

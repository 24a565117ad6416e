package cn.hemeigrid.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a failure caused by a database that cannot be reached at the moment: PostgreSQL
 * stopped, restarting or unreachable, rather than a fault of the request or of the code.
 */
final class DatabaseOutage {

    /** Time a client is asked to wait before it tries again. An estimate of a PostgreSQL restart, not a measured value. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * SQLSTATEs of PostgreSQL shutting down (57P01 admin_shutdown, 57P02 crash_shutdown) or
     * still starting (57P03 cannot_connect_now); every state of class 08 (connection exception)
     * counts too.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseOutage() {
    }

    /** Returns the SQL exception in the cause chain that shows the database unavailable, if any. */
    static Optional<SQLException> cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static boolean unavailable(SQLException sql) {
        // HikariCP throws SQLTransientConnectionException when no connection could be had in time.
        if (sql instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = sql.getSQLState();
        if (state == null) {
            // HikariCP 7.0 closes a connection that broke (SQLSTATE 08006) and fails the
            // transaction's rollback on it with this exception without a state, which Spring
            // then throws in place of the original one.
            return CLOSED_BY_POOL.equals(sql.getMessage());
        }
        return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
    }
}

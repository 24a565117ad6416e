package cn.hemeigrid.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.hemeigrid.system.Labels;

/**
 * Writes and reads the append-only audit log (table audit_event). A record joins the caller's
 * transaction when there is one, so a grid edit or workflow step and its audit row are
 * committed or rolled back together.
 */
@Component
public class AuditLog {

    static final int MAX_DETAIL_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final CurrentAccount currentAccount;
    private final Labels labels;

    AuditLog(JdbcClient jdbc, CurrentAccount currentAccount, Labels labels) {
        this.jdbc = jdbc;
        this.currentAccount = currentAccount;
        this.labels = labels;
    }

    /**
     * Records an action of the signed-in account (or of an anonymous client) with the client
     * address of the request being served.
     *
     * @param action     what happened, e.g. {@code grid.split} or {@code incident.accept}
     * @param targetType the kind of thing acted on, e.g. {@code grid}, or null
     * @param targetId   its id or code, or null
     * @param detail     free text, cut to 2,000 characters, or null
     */
    public void record(String action, String targetType, Object targetId, String detail) {
        Account account = currentAccount.find().orElse(null);
        write(account == null ? null : account.id(), account == null ? null : account.loginName(), action, targetType,
                targetId, detail);
    }

    void write(Long accountId, String loginName, String action, String targetType, Object targetId, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_event (account_id, login_name, action, target_type, target_id, detail,
                                                 client_address)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, cut(loginName, 200), action, targetType,
                        targetId == null ? null : cut(String.valueOf(targetId), 200), cut(detail, MAX_DETAIL_LENGTH),
                        clientAddress())
                .update();
    }

    /**
     * One audit row as the administrator page shows it.
     *
     * @param actionName     the action in the request's language, or the action code when it has no label
     * @param targetTypeName the target type in the request's language, or its code when it has no label
     */
    public record Event(long id, Instant occurredAt, Long accountId, String loginName, String action,
                        String actionName, String targetType, String targetTypeName, String targetId, String detail,
                        String clientAddress) {
    }

    /** Filters of the audit listing; null fields do not filter. */
    record Filter(Instant from, Instant to, String action, String loginName, String targetId) {
    }

    /** Lists matching events, newest first, skipping {@code offset} and returning at most {@code limit}. */
    List<Event> find(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT id, occurred_at, account_id, login_name, action, target_type, target_id, detail,"
                        + " client_address FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((row, n) -> new Event(row.getLong("id"),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        (Long) row.getObject("account_id"), row.getString("login_name"), row.getString("action"),
                        labels.of("audit.action", row.getString("action")), row.getString("target_type"),
                        labels.of("audit.target", row.getString("target_type")), row.getString("target_id"),
                        row.getString("detail"), row.getString("client_address")))
                .list();
    }

    long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM audit_event" + where).params(params).query(Long.class).single();
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.action() != null) {
            conditions.add("action LIKE ? ESCAPE '\\'");
            params.add(escapeLike(filter.action()) + "%");
        }
        if (filter.loginName() != null) {
            conditions.add("login_name = ?");
            params.add(filter.loginName());
        }
        if (filter.targetId() != null) {
            conditions.add("target_id = ?");
            params.add(filter.targetId());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace('\u0000', ' ');
        return cleaned.length() <= maxLength ? cleaned : cleaned.substring(0, maxLength);
    }
}

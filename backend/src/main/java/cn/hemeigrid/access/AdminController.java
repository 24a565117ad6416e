package cn.hemeigrid.access;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.system.RejectedRequestException;

/** The administrator's API: accounts, the division tree to pick jurisdictions from, and the audit log. */
@RestController
class AdminController {

    static final int MAX_PAGE_SIZE = 200;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    AdminController(Accounts accounts, AccountAdministration administration, AuditLog audit, JdbcClient jdbc) {
        this.accounts = accounts;
        this.administration = administration;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/admin/accounts")
    List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @PostMapping("/api/v1/admin/accounts")
    ResponseEntity<AccountView> create(@RequestBody AccountRequests.NewAccount request) {
        Account account = administration.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + account.id())).body(AccountView.of(account));
    }

    @GetMapping("/api/v1/admin/accounts/{id}")
    AccountView get(@PathVariable long id) {
        return accounts.find(id).map(AccountView::of)
                .orElseThrow(() -> RejectedRequestException.notFound("account.not-found", id));
    }

    /** Replaces display name, roles, jurisdiction and grid worker link. */
    @PutMapping("/api/v1/admin/accounts/{id}")
    AccountView update(@PathVariable long id, @RequestBody AccountRequests.AccountChanges request) {
        return AccountView.of(administration.update(id, request));
    }

    @PutMapping("/api/v1/admin/accounts/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @RequestBody AccountRequests.PasswordReset request) {
        administration.resetPassword(id, request);
        return ResponseEntity.noContent().build();
    }

    /** Disables or enables an account; a disabled account's sessions end on their next request. */
    @PutMapping("/api/v1/admin/accounts/{id}/enabled")
    AccountView setEnabled(@PathVariable long id, @RequestBody AccountRequests.EnabledChange request) {
        return AccountView.of(administration.setEnabled(id, request));
    }

    /** A unit of the division tree with its level, for the jurisdiction picker. */
    record UnitView(String code, String name, String level) {
    }

    /** Lists the units directly below {@code parent}, or the counties when it is missing. */
    @GetMapping("/api/v1/admin/units")
    List<UnitView> units(@RequestParam(required = false) String parent) {
        String sql = parent == null || parent.isBlank()
                ? "SELECT code, name, level FROM administrative_unit WHERE level = 'county' ORDER BY code"
                : "SELECT code, name, level FROM administrative_unit WHERE parent_code = ? ORDER BY code";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (parent != null && !parent.isBlank()) {
            statement = statement.param(parent.strip());
        }
        return statement.query((row, n) -> new UnitView(row.getString("code").strip(), row.getString("name"),
                row.getString("level"))).list();
    }

    /** Lists the departments a department handler's jurisdiction can name. */
    @GetMapping("/api/v1/admin/departments")
    List<CodeName> departments() {
        return jdbc.sql("SELECT code, name FROM department ORDER BY code")
                .query((row, n) -> new CodeName(row.getString("code"), row.getString("name"))).list();
    }

    record AuditPage(long total, int page, int size, List<AuditLog.Event> items) {
    }

    /**
     * Lists audit events, newest first.
     *
     * @param from   first day included (YYYY-MM-DD, China time)
     * @param to     last day included
     * @param action prefix of the action, e.g. {@code grid.} or {@code session.sign_in}
     */
    @GetMapping("/api/v1/admin/audit")
    AuditPage audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String action, @RequestParam(required = false) String login,
                    @RequestParam(required = false) String targetId,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 100_000) {
            throw RejectedRequestException.badRequest("audit.page-invalid", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RejectedRequestException.badRequest("audit.size-invalid", MAX_PAGE_SIZE, size);
        }
        AuditLog.Filter filter = new AuditLog.Filter(
                day(from, "from") == null ? null : day(from, "from").atStartOfDay(CHINA).toInstant(),
                day(to, "to") == null ? null : day(to, "to").plusDays(1).atStartOfDay(CHINA).toInstant(),
                blankToNull(action), blankToNull(login), blankToNull(targetId));
        return new AuditPage(audit.count(filter), page, size, audit.find(filter, page * size, size));
    }

    private static LocalDate day(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            throw RejectedRequestException.badRequest("audit.date-invalid", name, text);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

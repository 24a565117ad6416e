package cn.hemeigrid.access;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.system.RejectedRequestException;
import cn.hemeigrid.system.UserText;

/**
 * Validates and carries out the administrator's account changes, each recorded in the audit
 * log in the same transaction.
 */
@Service
class AccountAdministration {

    static final String LOGIN_PATTERN = "[a-z0-9][a-z0-9._-]{2,31}";
    static final int MAX_DISPLAY_NAME_LENGTH = 64;
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 64;
    /** bcrypt reads at most 72 bytes of a password; longer ones are rejected rather than cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_GRIDS = 200;

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final CurrentAccount currentAccount;
    private final JdbcClient jdbc;
    private final SignedInSessions sessions;

    AccountAdministration(Accounts accounts, PasswordEncoder passwords, AuditLog audit, CurrentAccount currentAccount,
                          JdbcClient jdbc, SignedInSessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.currentAccount = currentAccount;
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    @Transactional
    Account create(AccountRequests.NewAccount request) {
        String login = loginName(request.loginName());
        String displayName = displayName(request.displayName());
        String password = password(request.password());
        Set<Role> roles = roles(request.roles());
        Jurisdiction jurisdiction = jurisdiction(request.jurisdiction());
        Long workerId = gridWorker(request.gridWorkerId());
        if (accounts.exists(login)) {
            throw RejectedRequestException.conflict("account.login-taken", login);
        }

        long id = accounts.create(login, displayName, passwords.encode(password), roles, jurisdiction, workerId);
        Account account = accounts.find(id).orElseThrow();
        audit.record("account.create", "account", id, describe(account));
        log.info("Account {} created with roles {}", login, roles);
        return account;
    }

    @Transactional
    Account update(long id, AccountRequests.AccountChanges request) {
        Account before = existing(id);
        String displayName = displayName(request.displayName());
        Set<Role> roles = roles(request.roles());
        Jurisdiction jurisdiction = jurisdiction(request.jurisdiction());
        Long workerId = gridWorker(request.gridWorkerId());
        if (isSelf(id) && before.has(Role.ADMINISTRATOR) && !roles.contains(Role.ADMINISTRATOR)) {
            throw RejectedRequestException.unprocessable("account.self-demote");
        }

        accounts.update(id, displayName, roles, jurisdiction, workerId);
        Account after = accounts.find(id).orElseThrow();
        audit.record("account.update", "account", id, describe(before) + " -> " + describe(after));
        log.info("Account {} changed: roles {}", after.loginName(), roles);
        return after;
    }

    /**
     * Sets a new password and ends the account's other sessions, because a reset usually
     * follows a leaked password and a session signed in with it must not outlive it.
     */
    @Transactional
    void resetPassword(long id, AccountRequests.PasswordReset request) {
        Account account = existing(id);
        String password = password(request == null ? null : request.password());

        accounts.setPasswordHash(id, passwords.encode(password));
        audit.record("account.reset_password", "account", id, account.loginName());
        int ended = sessions.endAllButCurrent(account.loginName());
        log.info("Password of account {} reset; {} of its sessions ended", account.loginName(), ended);
    }

    @Transactional
    Account setEnabled(long id, AccountRequests.EnabledChange request) {
        Account account = existing(id);
        if (request == null || request.enabled() == null) {
            throw RejectedRequestException.badRequest("account.field-missing", "enabled");
        }
        if (!request.enabled() && isSelf(id)) {
            throw RejectedRequestException.unprocessable("account.self-disable");
        }

        accounts.setEnabled(id, request.enabled());
        audit.record(request.enabled() ? "account.enable" : "account.disable", "account", id, account.loginName());
        log.info("Account {} {}", account.loginName(), request.enabled() ? "enabled" : "disabled");
        return accounts.find(id).orElseThrow();
    }

    private Account existing(long id) {
        return accounts.find(id).orElseThrow(() -> RejectedRequestException.notFound("account.not-found", id));
    }

    private boolean isSelf(long id) {
        return currentAccount.find().map(account -> account.id() == id).orElse(false);
    }

    private static String loginName(String typed) {
        String login = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!login.matches(LOGIN_PATTERN)) {
            throw RejectedRequestException.badRequest("account.login-invalid", typed == null ? "" : typed);
        }
        return login;
    }

    private static String displayName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME_LENGTH
                || UserText.hasForbiddenCharacters(name) || !UserText.hasVisibleCharacter(name)) {
            throw RejectedRequestException.badRequest("account.display-name-invalid", MAX_DISPLAY_NAME_LENGTH);
        }
        return name;
    }

    private static String password(String typed) {
        if (typed == null || typed.codePointCount(0, typed.length()) < MIN_PASSWORD_LENGTH
                || typed.codePointCount(0, typed.length()) > MAX_PASSWORD_LENGTH
                || typed.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || UserText.hasForbiddenCharacters(typed) || typed.isBlank()) {
            throw RejectedRequestException.badRequest("account.password-invalid", MIN_PASSWORD_LENGTH,
                    MAX_PASSWORD_LENGTH);
        }
        return typed;
    }

    private static Set<Role> roles(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw RejectedRequestException.badRequest("account.roles-missing");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes) {
            String trimmed = code == null ? "" : code.strip();
            roles.add(Role.fromCode(trimmed)
                    .orElseThrow(() -> RejectedRequestException.badRequest("account.role-unknown", trimmed)));
        }
        return roles;
    }

    private Jurisdiction jurisdiction(AccountRequests.JurisdictionRequest request) {
        String kind = request == null || request.kind() == null ? "" : request.kind().strip();
        switch (kind) {
            case "whole_city":
                return new Jurisdiction.WholeCity();
            case "unit":
                return unit(request.unitCode());
            case "grids":
                return grids(request.gridCodes());
            case "department":
                return department(request.departmentCode());
            case "":
                throw RejectedRequestException.badRequest("account.jurisdiction-missing");
            default:
                throw RejectedRequestException.badRequest("account.jurisdiction-kind-unknown", kind);
        }
    }

    private Jurisdiction unit(String typed) {
        String code = typed == null ? "" : typed.strip();
        boolean known = code.matches("[0-9]{12}") && jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM administrative_unit WHERE code = ? AND level <> 'city')")
                .param(code).query(Boolean.class).single();
        if (!known) {
            throw RejectedRequestException.unprocessable("account.unit-unknown", code);
        }
        return new Jurisdiction.Unit(code);
    }

    private Jurisdiction grids(List<String> typed) {
        if (typed == null || typed.isEmpty()) {
            throw RejectedRequestException.badRequest("account.grids-missing");
        }
        if (typed.size() > MAX_GRIDS) {
            throw RejectedRequestException.badRequest("account.too-many-grids", MAX_GRIDS, typed.size());
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : typed) {
            String trimmed = code == null ? "" : code.strip();
            boolean known = trimmed.matches("[0-9]{15}") && jdbc.sql(
                            "SELECT EXISTS (SELECT 1 FROM grid WHERE code = ? AND status = 'active')")
                    .param(trimmed).query(Boolean.class).single();
            if (!known) {
                throw RejectedRequestException.unprocessable("account.grid-unknown", trimmed);
            }
            codes.add(trimmed);
        }
        return new Jurisdiction.Grids(codes);
    }

    private Jurisdiction department(String typed) {
        String code = typed == null ? "" : typed.strip();
        boolean known = !code.isEmpty() && jdbc.sql("SELECT EXISTS (SELECT 1 FROM department WHERE code = ?)")
                .param(code).query(Boolean.class).single();
        if (!known) {
            throw RejectedRequestException.unprocessable("account.department-unknown", code);
        }
        return new Jurisdiction.Department(code);
    }

    private Long gridWorker(Long id) {
        if (id == null) {
            return null;
        }
        boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid_worker WHERE id = ?)").param(id)
                .query(Boolean.class).single();
        if (!known) {
            throw RejectedRequestException.unprocessable("account.worker-unknown", id);
        }
        return id;
    }

    private static String describe(Account account) {
        return "roles " + account.roles().stream().map(Role::code).sorted().toList()
                + ", jurisdiction " + Accounts.describe(account.jurisdiction())
                + (account.gridWorkerId() == null ? "" : ", grid worker " + account.gridWorkerId());
    }
}

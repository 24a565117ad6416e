package cn.hemeigrid.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes accounts, their roles and their grids in the tables account, account_role and account_grid. */
@Repository
public class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.login_name, a.display_name, a.enabled, a.jurisdiction_kind, a.unit_code,
                   a.department_code, a.grid_worker_id,
                   (SELECT string_agg(r.role, ',') FROM account_role r WHERE r.account_id = a.id) AS roles,
                   (SELECT string_agg(g.grid_code, ',') FROM account_grid g WHERE g.account_id = a.id) AS grids
            FROM account a
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(Accounts::account).optional();
    }

    public Optional<Account> findByLoginName(String loginName) {
        return jdbc.sql(SELECT + " WHERE a.login_name = ?").param(loginName).query(Accounts::account).optional();
    }

    /** Returns the stored password hash, or empty when no account has this login name. */
    Optional<String> passwordHash(String loginName) {
        return jdbc.sql("SELECT password_hash FROM account WHERE login_name = ?").param(loginName)
                .query(String.class).optional();
    }

    public List<Account> list() {
        return jdbc.sql(SELECT + " ORDER BY a.login_name").query(Accounts::account).list();
    }

    public boolean exists(String loginName) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE login_name = ?)").param(loginName)
                .query(Boolean.class).single();
    }

    /** Stores a new account and returns its id. The password hash must already be encoded. */
    @Transactional
    public long create(String loginName, String displayName, String passwordHash, Set<Role> roles,
                       Jurisdiction jurisdiction, Long gridWorkerId) {
        long id = jdbc.sql("""
                        INSERT INTO account (login_name, display_name, password_hash, jurisdiction_kind, unit_code,
                                             department_code, grid_worker_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(loginName, displayName, passwordHash, kind(jurisdiction), unitCode(jurisdiction),
                        departmentCode(jurisdiction), gridWorkerId)
                .query(Long.class).single();
        writeRolesAndGrids(id, roles, jurisdiction);
        return id;
    }

    @Transactional
    public void update(long id, String displayName, Set<Role> roles, Jurisdiction jurisdiction, Long gridWorkerId) {
        jdbc.sql("""
                        UPDATE account SET display_name = ?, jurisdiction_kind = ?, unit_code = ?, department_code = ?,
                                           grid_worker_id = ?, updated_at = now()
                        WHERE id = ?""")
                .params(displayName, kind(jurisdiction), unitCode(jurisdiction), departmentCode(jurisdiction),
                        gridWorkerId, id)
                .update();
        jdbc.sql("DELETE FROM account_role WHERE account_id = ?").param(id).update();
        jdbc.sql("DELETE FROM account_grid WHERE account_id = ?").param(id).update();
        writeRolesAndGrids(id, roles, jurisdiction);
    }

    public void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ?, updated_at = now() WHERE id = ?").params(passwordHash, id)
                .update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = ?, updated_at = now() WHERE id = ?").params(enabled, id).update();
    }

    private void writeRolesAndGrids(long id, Set<Role> roles, Jurisdiction jurisdiction) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(id, role.code()).update();
        }
        if (jurisdiction instanceof Jurisdiction.Grids grids) {
            for (String code : new TreeSet<>(grids.gridCodes())) {
                jdbc.sql("INSERT INTO account_grid (account_id, grid_code) VALUES (?, ?)").params(id, code).update();
            }
        }
    }

    static String kind(Jurisdiction jurisdiction) {
        if (jurisdiction instanceof Jurisdiction.Unit) {
            return "unit";
        }
        if (jurisdiction instanceof Jurisdiction.Grids) {
            return "grids";
        }
        if (jurisdiction instanceof Jurisdiction.Department) {
            return "department";
        }
        return "whole_city";
    }

    private static String unitCode(Jurisdiction jurisdiction) {
        return jurisdiction instanceof Jurisdiction.Unit unit ? unit.unitCode() : null;
    }

    private static String departmentCode(Jurisdiction jurisdiction) {
        return jurisdiction instanceof Jurisdiction.Department department ? department.departmentCode() : null;
    }

    private static Account account(ResultSet row, int rowNumber) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : split(row.getString("roles"))) {
            Role.fromCode(code).ifPresent(roles::add);
        }
        Jurisdiction jurisdiction = switch (row.getString("jurisdiction_kind")) {
            case "unit" -> new Jurisdiction.Unit(row.getString("unit_code"));
            case "grids" -> new Jurisdiction.Grids(new TreeSet<>(split(row.getString("grids"))));
            case "department" -> new Jurisdiction.Department(row.getString("department_code"));
            default -> new Jurisdiction.WholeCity();
        };
        Long workerId = row.getObject("grid_worker_id", Long.class);
        return new Account(row.getLong("id"), row.getString("login_name"), row.getString("display_name"),
                row.getBoolean("enabled"), roles, jurisdiction, workerId);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : new ArrayList<>(List.of(joined.split(",")));
    }

    /** Returns the jurisdiction as API fields: kind plus unitCode, gridCodes or departmentCode. */
    public static Map<String, Object> describe(Jurisdiction jurisdiction) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind(jurisdiction));
        if (jurisdiction instanceof Jurisdiction.Unit unit) {
            fields.put("unitCode", unit.unitCode());
        } else if (jurisdiction instanceof Jurisdiction.Grids grids) {
            fields.put("gridCodes", new TreeSet<>(grids.gridCodes()));
        } else if (jurisdiction instanceof Jurisdiction.Department department) {
            fields.put("departmentCode", department.departmentCode());
        }
        return fields;
    }
}

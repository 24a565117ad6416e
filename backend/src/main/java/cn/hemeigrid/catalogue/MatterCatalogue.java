package cn.hemeigrid.catalogue;

import cn.hemeigrid.CodeName;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the matter catalogue, which the database owns (seeded by migration, edited by staff). */
@Repository
public class MatterCatalogue {

    private static final String SELECT = """
            SELECT c.code, c.name, c.group_name, d.code AS department_code, d.name AS department_name,
                   r.code AS route_code, r.name AS route_name, c.assign_limit_minutes,
                   c.urgent_assign_limit_minutes, c.handling_limit, c.handling_limit_unit,
                   c.duplicate_radius_metres
            FROM matter_category c
            JOIN department d ON d.code = c.department_code
            JOIN handler_route r ON r.code = c.handler_route_code
            """;

    private final JdbcClient jdbc;

    MatterCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MatterCategory> all() {
        return jdbc.sql(SELECT + " ORDER BY c.sort_order, c.code").query(this::toCategory).list();
    }

    public Optional<MatterCategory> find(String code) {
        return jdbc.sql(SELECT + " WHERE c.code = ?").param(code).query(this::toCategory).optional();
    }

    private MatterCategory toCategory(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new MatterCategory(
                row.getString("code"),
                row.getString("name"),
                row.getString("group_name"),
                new CodeName(row.getString("department_code"), row.getString("department_name")),
                new CodeName(row.getString("route_code"), row.getString("route_name")),
                row.getInt("assign_limit_minutes"),
                row.getInt("urgent_assign_limit_minutes"),
                row.getInt("handling_limit"),
                MatterCategory.HandlingLimitUnit.valueOf(row.getString("handling_limit_unit").toUpperCase(Locale.ROOT)),
                row.getInt("duplicate_radius_metres"));
    }
}

package cn.hemeigrid.access;

import java.util.Map;

/**
 * A SQL condition that keeps only the rows inside a {@link Jurisdiction}, with its bind
 * parameters. Values are always bound by name, never written into the text. The parameter names
 * start with {@code jurisdiction}, so they cannot clash with a query's own. Use it with
 * {@code JdbcClient.sql(...).params(condition.parameters())}.
 *
 * <p>An administrative unit covers the villages/communities whose 12-digit codes start with
 * its {@link Jurisdiction.Unit#codePrefix() code prefix}. The condition compares the code with
 * a range ({@code BETWEEN prefix000 AND prefix999}), so a plain B-tree index on the code serves
 * it. Grid sets and departments are written as {@code id IN (... UNION ALL ...)} rather than
 * with OR, so each branch can use its own index. A department has no territory: it covers the
 * incidents routed to it or on which it was summoned, and no grids or facilities.
 *
 * @param sql        a boolean SQL expression over the given table alias
 * @param parameters the named bind parameters the expression uses
 */
public record JurisdictionCondition(String sql, Map<String, Object> parameters) {

    private static final JurisdictionCondition ALL = new JurisdictionCondition("TRUE", Map.of());
    private static final JurisdictionCondition NONE = new JurisdictionCondition("FALSE", Map.of());

    private static final String GRID_CODES = "jurisdictionGridCodes";

    public JurisdictionCondition {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Returns the condition for table {@code incident} under {@code alias}. A grid set covers
     * the incidents whose basic or dedicated grid is in it.
     */
    public static JurisdictionCondition incidents(Jurisdiction jurisdiction, String alias) {
        if (jurisdiction instanceof Jurisdiction.Unit unit) {
            return villageCodeIn(unit, alias + ".village_code");
        }
        if (jurisdiction instanceof Jurisdiction.Grids grids) {
            return grids.gridCodes().isEmpty() ? NONE : new JurisdictionCondition("""
                    %1$s.id IN (SELECT ji.id FROM grid jg JOIN incident ji ON ji.grid_id = jg.id
                               WHERE jg.code IN (:%2$s)
                              UNION ALL
                              SELECT ji.id FROM grid jg JOIN incident ji ON ji.dedicated_grid_id = jg.id
                               WHERE jg.code IN (:%2$s))"""
                    .formatted(alias, GRID_CODES), Map.of(GRID_CODES, grids.gridCodes()));
        }
        if (jurisdiction instanceof Jurisdiction.Department department) {
            return new JurisdictionCondition("""
                    %s.id IN (SELECT ji.id FROM incident ji WHERE ji.department_code = :jurisdictionDepartment
                              UNION ALL
                              SELECT js.incident_id FROM incident_summons js
                               WHERE js.department_code = :jurisdictionDepartment)"""
                    .formatted(alias), Map.of("jurisdictionDepartment", department.departmentCode()));
        }
        return ALL;
    }

    /**
     * Returns the condition for table {@code grid}, or {@code grid_version}, under {@code alias}:
     * the grids of the unit, or the grids of the set.
     */
    public static JurisdictionCondition grids(Jurisdiction jurisdiction, String alias) {
        if (jurisdiction instanceof Jurisdiction.Unit unit) {
            return villageCodeIn(unit, alias + ".village_code");
        }
        if (jurisdiction instanceof Jurisdiction.Grids grids) {
            return grids.gridCodes().isEmpty() ? NONE : new JurisdictionCondition(
                    alias + ".code IN (:" + GRID_CODES + ")", Map.of(GRID_CODES, grids.gridCodes()));
        }
        return jurisdiction instanceof Jurisdiction.Department ? NONE : ALL;
    }

    /**
     * Returns the condition for table {@code facility} under {@code alias}: facilities that lie
     * in the unit's area or in one of the grids of the set.
     */
    public static JurisdictionCondition facilities(Jurisdiction jurisdiction, String alias) {
        if (jurisdiction instanceof Jurisdiction.Unit unit) {
            return new JurisdictionCondition("""
                    EXISTS (SELECT 1 FROM administrative_unit ju
                             WHERE ju.code = CAST(:jurisdictionUnit AS char(12)) AND ST_Intersects(ju.geom, %s.geom))"""
                    .formatted(alias), Map.of("jurisdictionUnit", unit.unitCode()));
        }
        if (jurisdiction instanceof Jurisdiction.Grids grids) {
            return grids.gridCodes().isEmpty() ? NONE : new JurisdictionCondition("""
                    EXISTS (SELECT 1 FROM grid jg WHERE jg.code IN (:%s) AND ST_Intersects(jg.geom, %s.geom))"""
                    .formatted(GRID_CODES, alias), Map.of(GRID_CODES, grids.gridCodes()));
        }
        return jurisdiction instanceof Jurisdiction.Department ? NONE : ALL;
    }

    /**
     * Tells whether an administrative unit (a 12-digit county, township or village/community
     * code) lies inside the jurisdiction. Only the whole city and units contain units, and a grid
     * set or a department contains none.
     */
    public static boolean containsUnit(Jurisdiction jurisdiction, String unitCode) {
        if (jurisdiction instanceof Jurisdiction.Unit unit) {
            return unitCode.startsWith(unit.codePrefix());
        }
        return jurisdiction instanceof Jurisdiction.WholeCity;
    }

    /** Returns this condition with {@code AND} in front, to append to a WHERE clause. */
    public String andSql() {
        return " AND " + sql;
    }

    private static JurisdictionCondition villageCodeIn(Jurisdiction.Unit unit, String column) {
        String prefix = unit.codePrefix();
        String padding = "0".repeat(12 - prefix.length());
        return new JurisdictionCondition(
                column + " BETWEEN CAST(:jurisdictionVillageFrom AS char(12)) AND CAST(:jurisdictionVillageTo AS char(12))",
                Map.of("jurisdictionVillageFrom", prefix + padding,
                        "jurisdictionVillageTo", prefix + padding.replace('0', '9')));
    }
}

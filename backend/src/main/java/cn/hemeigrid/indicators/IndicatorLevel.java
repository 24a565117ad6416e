package cn.hemeigrid.indicators;

import java.util.Arrays;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The kind of unit that indicators are grouped by. Each level carries three fixed SQL fragments:
 * the expression giving an incident's unit code (over {@code incident i} joined to its basic
 * grid {@code g}), a query of the units' codes and names, and a condition that an incident must
 * meet to be counted at that level.
 *
 * <p>Townships and counties are found from the village/community code by the statistical code
 * layout: 6 digits of county, 3 of township, 3 of village/community.
 *
 * <p>A worker is the first receiver (首接负责人) stored in {@code incident.owner_name}, the staff
 * member who accepted the incident. Incidents never accepted have no owner and are left out at
 * that level, and the worker's name is also the unit code.
 */
enum IndicatorLevel {

    GRID("grid", "g.code::text", "SELECT code::text AS code, name FROM grid", "TRUE"),
    VILLAGE("village", "i.village_code::text",
            "SELECT code::text AS code, name FROM administrative_unit WHERE level = 'village'", "TRUE"),
    TOWNSHIP("township", "left(i.village_code, 9) || '000'",
            "SELECT code::text AS code, name FROM administrative_unit WHERE level = 'township'", "TRUE"),
    COUNTY("county", "left(i.village_code, 6) || '000000'",
            "SELECT code::text AS code, name FROM administrative_unit WHERE level = 'county'", "TRUE"),
    DEPARTMENT("department", "i.department_code", "SELECT code, name FROM department", "TRUE"),
    WORKER("worker", "i.owner_name",
            "SELECT DISTINCT owner_name AS code, owner_name AS name FROM incident WHERE owner_name IS NOT NULL",
            "i.owner_name IS NOT NULL");

    final String parameterValue;
    final String unitCodeSql;
    final String unitNamesSql;
    final String incidentConditionSql;

    IndicatorLevel(String parameterValue, String unitCodeSql, String unitNamesSql, String incidentConditionSql) {
        this.parameterValue = parameterValue;
        this.unitCodeSql = unitCodeSql;
        this.unitNamesSql = unitNamesSql;
        this.incidentConditionSql = incidentConditionSql;
    }

    /** Parses the {@code level} request parameter, rejecting a missing or unknown value with 400. */
    static IndicatorLevel parse(String value) {
        return Arrays.stream(values())
                .filter(level -> level.parameterValue.equals(value))
                .findFirst()
                .orElseThrow(() -> RejectedRequestException.badRequest("indicators.level-invalid",
                        value == null ? "" : value));
    }
}

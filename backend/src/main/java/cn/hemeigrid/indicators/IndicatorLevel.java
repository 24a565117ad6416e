package cn.hemeigrid.indicators;

import java.util.Arrays;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The kind of unit that indicators are grouped by. Each level carries two fixed SQL fragments:
 * the expression giving an incident's unit code (over {@code incident i} joined to its basic
 * grid {@code g}) and a query of the units' codes and names.
 *
 * <p>Townships and counties are found from the village/community code by the statistical code
 * layout: 6 digits of county, 3 of township, 3 of village/community.
 */
enum IndicatorLevel {

    GRID("grid", "g.code::text", "SELECT code::text AS code, name FROM grid"),
    VILLAGE("village", "i.village_code::text",
            "SELECT code::text AS code, name FROM administrative_unit WHERE level = 'village'"),
    TOWNSHIP("township", "left(i.village_code, 9) || '000'",
            "SELECT code::text AS code, name FROM administrative_unit WHERE level = 'township'"),
    COUNTY("county", "left(i.village_code, 6) || '000000'",
            "SELECT code::text AS code, name FROM administrative_unit WHERE level = 'county'"),
    DEPARTMENT("department", "i.department_code", "SELECT code, name FROM department");

    final String parameterValue;
    final String unitCodeSql;
    final String unitNamesSql;

    IndicatorLevel(String parameterValue, String unitCodeSql, String unitNamesSql) {
        this.parameterValue = parameterValue;
        this.unitCodeSql = unitCodeSql;
        this.unitNamesSql = unitNamesSql;
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

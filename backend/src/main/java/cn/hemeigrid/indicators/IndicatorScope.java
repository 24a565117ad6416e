package cn.hemeigrid.indicators;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * The part of the indicators at one level that a jurisdiction may see: the incidents counted
 * and the units listed, both as SQL conditions with bind parameters.
 *
 * <p>A county, township or village/community gets the indicators of its own incidents at its own
 * level and every finer one, and per department and worker. A grid set gets its own grids, and
 * its incidents per department and per worker. A department gets only its own row at the
 * department level, which counts the incidents routed to it. Incidents it was only summoned to
 * count for the department handling them. A level whose units would reach outside the
 * jurisdiction is rejected with 403.
 *
 * @param incidentCondition condition over {@code incident i}
 * @param unitCondition     condition over the listed unit's code, the column {@code code}
 */
record IndicatorScope(String incidentCondition, String unitCondition, Map<String, Object> parameters) {

    /** Length of the code prefix each geographic level's units share with the villages below them. */
    private static final Map<IndicatorLevel, Integer> PREFIX_LENGTH = Map.of(
            IndicatorLevel.COUNTY, 6, IndicatorLevel.TOWNSHIP, 9, IndicatorLevel.VILLAGE, 12, IndicatorLevel.GRID, 15);

    static IndicatorScope of(Jurisdiction jurisdiction, IndicatorLevel level) {
        if (!allows(jurisdiction, level)) {
            String allowed = Arrays.stream(IndicatorLevel.values())
                    .filter(candidate -> allows(jurisdiction, candidate))
                    .map(candidate -> candidate.parameterValue)
                    .collect(Collectors.joining(", "));
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "indicators.level-outside-jurisdiction",
                    level.parameterValue, allowed);
        }
        if (jurisdiction instanceof Jurisdiction.Department department) {
            return new IndicatorScope("i.department_code = :jurisdictionDepartment",
                    "code = :jurisdictionDepartment", Map.of("jurisdictionDepartment", department.departmentCode()));
        }

        JurisdictionCondition incidents = JurisdictionCondition.incidents(jurisdiction, "i");
        Map<String, Object> parameters = new HashMap<>(incidents.parameters());
        String unitCondition = "TRUE";
        if (jurisdiction instanceof Jurisdiction.Grids grids && level == IndicatorLevel.GRID) {
            // An incident counts at its basic grid, which may lie outside the set when only its
            // dedicated grid is in it.
            unitCondition = "code IN (:jurisdictionListedGrids)";
            parameters.put("jurisdictionListedGrids", grids.gridCodes().isEmpty() ? List.of("") : grids.gridCodes());
        }
        return new IndicatorScope(incidents.sql(), unitCondition, parameters);
    }

    private static boolean allows(Jurisdiction jurisdiction, IndicatorLevel level) {
        if (jurisdiction instanceof Jurisdiction.Unit unit) {
            return !PREFIX_LENGTH.containsKey(level) || PREFIX_LENGTH.get(level) >= unit.codePrefix().length();
        }
        if (jurisdiction instanceof Jurisdiction.Grids) {
            return !PREFIX_LENGTH.containsKey(level) || level == IndicatorLevel.GRID;
        }
        if (jurisdiction instanceof Jurisdiction.Department) {
            return level == IndicatorLevel.DEPARTMENT;
        }
        return true;
    }
}

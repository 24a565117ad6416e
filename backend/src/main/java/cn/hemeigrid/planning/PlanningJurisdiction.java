package cn.hemeigrid.planning;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Checks that the grids and administrative units a planning request names lie inside the
 * caller's jurisdiction, and rejects the request with 403 before anything is read or changed
 * when one does not. Grid outlines and unit codes are public on the map, so the error message may
 * name the grid or unit. Codes that are malformed or unknown pass, so the planning
 * service rejects them with its usual 400 or 404.
 */
@Component
public class PlanningJurisdiction {

    private final JdbcClient jdbc;

    PlanningJurisdiction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rejects with 403 when a grid with this code exists outside the jurisdiction. */
    public void requireGrid(Jurisdiction jurisdiction, String code) {
        if (code == null || code.isBlank()) {
            return;
        }
        String trimmed = code.strip();
        JurisdictionCondition inJurisdiction = JurisdictionCondition.grids(jurisdiction, "g");
        boolean outside = jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid g WHERE g.code = :code AND NOT ("
                        + inJurisdiction.sql() + "))")
                .params(inJurisdiction.parameters())
                .param("code", trimmed)
                .query(Boolean.class)
                .single();
        if (outside) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "jurisdiction.grid-outside", trimmed);
        }
    }

    public void requireGrids(Jurisdiction jurisdiction, Collection<String> codes) {
        if (codes != null) {
            codes.forEach(code -> requireGrid(jurisdiction, code));
        }
    }

    /**
     * Rejects with 403 when a well-formed 12-digit unit code lies outside the jurisdiction. A
     * grid set or a department contains no unit, so it can plan no village, township or county.
     */
    public void requireUnit(Jurisdiction jurisdiction, String unitCode) {
        if (unitCode == null || !unitCode.strip().matches("[0-9]{12}")) {
            return;
        }
        String trimmed = unitCode.strip();
        if (!JurisdictionCondition.containsUnit(jurisdiction, trimmed)) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "jurisdiction.unit-outside", trimmed);
        }
    }

    /** Rejects with 403 when an imported feature names a village/community or grid code outside the jurisdiction. */
    public void requireFeatures(Jurisdiction jurisdiction, List<ImportedFeature> features) {
        for (ImportedFeature feature : features) {
            requireUnit(jurisdiction, feature.villageCode());
            GridCode.parse(feature.code()).ifPresent(code -> requireUnit(jurisdiction, code.villageCode()));
        }
    }
}

package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.planning.geometry.AreaOutliers;
import cn.hemeigrid.planning.geometry.CoverageCheck;
import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.FindingKind;
import cn.hemeigrid.planning.geometry.Neighbour;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * The coverage check of a village/community, township or county. Each village/community is
 * checked for the gaps its active basic grids leave, their overlaps and their parts outside
 * it, and its basic grids whose area is an outlier among them are flagged. Comparing within one
 * village/community keeps large rural grids from being flagged against small urban ones in a
 * county. Dedicated grids lie over basic grids by design and are not checked here.
 */
@Service
class CoverageReport {

    private final PlanningAreas areas;
    private final PlannedGrids grids;
    private final PlanningProperties properties;
    private final FindingFeatures findingFeatures;

    CoverageReport(PlanningAreas areas, PlannedGrids grids, PlanningProperties properties,
                   FindingFeatures findingFeatures) {
        this.areas = areas;
        this.grids = grids;
        this.properties = properties;
        this.findingFeatures = findingFeatures;
    }

    /**
     * @param findings the gaps, overlaps, outside parts and outliers as a GeoJSON FeatureCollection
     */
    record Report(CodeName unit, String level, int villages, int grids, double toleranceMetres,
                  double gapAreaSquareMetres, double overlapAreaSquareMetres, int gaps, int overlaps,
                  int outsideParts, int areaOutliers, Map<String, Object> findings) {
    }

    @Transactional(readOnly = true)
    Report check(String unitCode) {
        String code = unitCode == null ? "" : unitCode.strip();
        PlanningAreas.Unit unit = areas.unit(code)
                .orElseThrow(() -> RejectedRequestException.notFound("planning.unit-not-found", code));
        if (unit.level().equals("city")) {
            throw RejectedRequestException.badRequest("planning.coverage-city", unit.code());
        }

        CoverageCheck coverage = new CoverageCheck(properties.overlapToleranceMetres());
        AreaOutliers outliers = new AreaOutliers(properties.areaOutlierFactor());
        List<String> villageCodes = areas.villageCodesIn(unit);
        List<Finding> findings = new ArrayList<>();
        List<Neighbour> allGrids = new ArrayList<>();
        for (String villageCode : villageCodes) {
            PlanningAreas.Unit village = areas.unit(villageCode).orElseThrow();
            List<Neighbour> basicGrids = grids.activeNeighbours(villageCode, "basic", List.of());
            findings.addAll(coverage.check(villageCode, village.shape(), basicGrids));
            findings.addAll(outliers.flag(basicGrids));
            allGrids.addAll(basicGrids);
        }

        return new Report(new CodeName(unit.code(), unit.name()), unit.level(), villageCodes.size(), allGrids.size(),
                properties.overlapToleranceMetres(), totalArea(findings, FindingKind.GAP),
                totalArea(findings, FindingKind.OVERLAP), count(findings, FindingKind.GAP),
                count(findings, FindingKind.OVERLAP), count(findings, FindingKind.OUTSIDE_VILLAGE),
                count(findings, FindingKind.AREA_OUTLIER), findingFeatures.of(findings));
    }

    private static double totalArea(List<Finding> findings, FindingKind kind) {
        double total = findings.stream().filter(f -> f.kind() == kind).mapToDouble(Finding::areaSquareMetres).sum();
        return Math.round(total * 10) / 10.0;
    }

    private static int count(List<Finding> findings, FindingKind kind) {
        return (int) findings.stream().filter(f -> f.kind() == kind).count();
    }
}

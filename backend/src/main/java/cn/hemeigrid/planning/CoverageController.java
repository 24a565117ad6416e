package cn.hemeigrid.planning;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;

@RestController
class CoverageController {

    private final CoverageReport coverage;
    private final PlanningJurisdiction jurisdictionCheck;
    private final CurrentJurisdiction currentJurisdiction;

    CoverageController(CoverageReport coverage, PlanningJurisdiction jurisdictionCheck,
                       CurrentJurisdiction currentJurisdiction) {
        this.coverage = coverage;
        this.jurisdictionCheck = jurisdictionCheck;
        this.currentJurisdiction = currentJurisdiction;
    }

    /**
     * Checks how the basic grids cover a village/community, township or county (12-digit code).
     * A unit outside the caller's jurisdiction gets 403.
     */
    @GetMapping("/api/v1/planning/coverage/{unitCode}")
    CoverageReport.Report coverage(@PathVariable String unitCode) {
        jurisdictionCheck.requireUnit(currentJurisdiction.get(), unitCode);
        return coverage.check(unitCode);
    }
}

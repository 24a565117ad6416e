package cn.hemeigrid.planning;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CoverageController {

    private final CoverageReport coverage;

    CoverageController(CoverageReport coverage) {
        this.coverage = coverage;
    }

    /** Checks how the basic grids cover a village/community, township or county (12-digit code). */
    @GetMapping("/api/v1/planning/coverage/{unitCode}")
    CoverageReport.Report coverage(@PathVariable String unitCode) {
        return coverage.check(unitCode);
    }
}

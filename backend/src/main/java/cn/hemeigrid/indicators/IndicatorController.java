package cn.hemeigrid.indicators;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review indicators per unit for a period. The request takes {@code level} (grid, village, township, county, department) and the dates
 * {@code from} and {@code to} (YYYY-MM-DD, China time, both included).
 */
@RestController
class IndicatorController {

    private static final Logger log = LoggerFactory.getLogger(IndicatorController.class);

    private final Indicators indicators;

    IndicatorController(Indicators indicators) {
        this.indicators = indicators;
    }

    record IndicatorReport(String level, LocalDate from, LocalDate to, List<UnitIndicators> units) {
    }

    @GetMapping("/api/v1/indicators")
    IndicatorReport indicators(@RequestParam(required = false) String level,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        IndicatorLevel unitLevel = IndicatorLevel.parse(level);
        IndicatorPeriod period = IndicatorPeriod.parse(from, to);

        List<UnitIndicators> units = indicators.of(unitLevel, period);
        log.info("Computed indicators of {} {} units from {} to {}", units.size(), unitLevel.parameterValue,
                period.from(), period.to());
        return new IndicatorReport(unitLevel.parameterValue, period.from(), period.to(), units);
    }
}

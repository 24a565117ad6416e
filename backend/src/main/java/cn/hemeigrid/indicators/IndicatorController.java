package cn.hemeigrid.indicators;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review indicators per unit for a period, as JSON for the review page and as CSV for Excel.
 * Both take {@code level} (grid, village, township, county, department) and the dates
 * {@code from} and {@code to} (YYYY-MM-DD, China time, both included).
 */
@RestController
class IndicatorController {

    private static final Logger log = LoggerFactory.getLogger(IndicatorController.class);

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

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

    /**
     * Returns the same indicators as a CSV file, UTF-8 with a byte order mark, because Excel for
     * Windows opens a CSV file without one in the system's ANSI code page and garbles Chinese.
     */
    @GetMapping("/api/v1/indicators.csv")
    ResponseEntity<byte[]> indicatorsCsv(@RequestParam(required = false) String level,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        IndicatorReport report = indicators(level, from, to);

        String fileName = "indicators-%s-%s-%s.csv".formatted(report.level(), report.from(), report.to());
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .body(IndicatorCsv.write(report.units()));
    }
}

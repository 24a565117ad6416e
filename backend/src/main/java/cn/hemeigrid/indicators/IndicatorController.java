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

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Review indicators per unit for a period, as JSON for the review page and as CSV for Excel.
 * Both take {@code level} (grid, village, township, county, department, worker) and the dates
 * {@code from} and {@code to} (YYYY-MM-DD, China time, both included). Only incidents and units
 * inside the caller's jurisdiction are counted and listed, and a level reaching outside it gets 403
 * (see {@link IndicatorScope}).
 */
@RestController
class IndicatorController {

    private static final Logger log = LoggerFactory.getLogger(IndicatorController.class);

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final MediaType GEO_JSON = new MediaType("application", "geo+json", StandardCharsets.UTF_8);

    private final Indicators indicators;

    private final Hotspots hotspots;

    private final CurrentJurisdiction currentJurisdiction;

    IndicatorController(Indicators indicators, Hotspots hotspots, CurrentJurisdiction currentJurisdiction) {
        this.indicators = indicators;
        this.hotspots = hotspots;
        this.currentJurisdiction = currentJurisdiction;
    }

    record IndicatorReport(String level, LocalDate from, LocalDate to, List<UnitIndicators> units) {
    }

    @GetMapping("/api/v1/indicators")
    IndicatorReport indicators(@RequestParam(required = false) String level,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        IndicatorLevel unitLevel = IndicatorLevel.parse(level);
        IndicatorPeriod period = IndicatorPeriod.parse(from, to);
        IndicatorScope scope = IndicatorScope.of(currentJurisdiction.get(), unitLevel);

        List<UnitIndicators> units = indicators.of(unitLevel, scope, period);
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

    /**
     * Returns the hot spots of a period: a GeoJSON FeatureCollection of square cells with the
     * number of incidents reported in each, optionally of one matter category. {@code cellMetres}
     * is the cell side in metres, from 100 to 5000 (default 500).
     */
    @GetMapping("/api/v1/indicators/hotspots")
    ResponseEntity<String> hotspots(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String cellMetres,
                                    @RequestParam(required = false) String category) {
        IndicatorPeriod period = IndicatorPeriod.parse(from, to);
        int side = cellSide(cellMetres);
        String categoryCode = category == null || category.isBlank() ? null : category;
        if (categoryCode != null && !hotspots.categoryExists(categoryCode)) {
            throw RejectedRequestException.badRequest("category.unknown", categoryCode);
        }

        Jurisdiction jurisdiction = currentJurisdiction.get();
        String cells = hotspots.featureCollection(jurisdiction, period, side, categoryCode);
        log.info("Computed hot spots of {} m cells from {} to {}, category {}", side, period.from(), period.to(),
                categoryCode == null ? "all" : categoryCode);
        return ResponseEntity.ok().contentType(GEO_JSON).body(cells);
    }

    /** Parses {@code cellMetres}, rejecting a value that is not a whole number from 100 to 5000 with 400. */
    private static int cellSide(String value) {
        if (value == null || value.isBlank()) {
            return 500;
        }
        try {
            int side = Integer.parseInt(value.strip());
            if (side >= Hotspots.MIN_CELL_METRES && side <= Hotspots.MAX_CELL_METRES) {
                return side;
            }
        } catch (NumberFormatException notAnInteger) {
            // Rejected below with the same message as an out-of-range value.
        }
        throw RejectedRequestException.badRequest("indicators.cell-invalid", value, Hotspots.MIN_CELL_METRES,
                Hotspots.MAX_CELL_METRES);
    }
}

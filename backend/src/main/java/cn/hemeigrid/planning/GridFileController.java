package cn.hemeigrid.planning;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and import of grid files: GeoJSON in CGCS2000 longitude/latitude, CSV (UTF-8, header
 * row) with the shape as WKT in a {@code wkt} column, KML ({@link KmlFile}) and GeoPackage
 * ({@link GeoPackageFile}) and zipped Shapefile ({@link ShapefileFile}). Both are limited to the
 * caller's jurisdiction: a unit to export, or a village/community or grid in an imported file,
 * outside it gets 403.
 */
@RestController
class GridFileController {

    static final List<String> CSV_COLUMNS = List.of("code", "name", "kind", "dedicatedType", "villageCode", "version",
            "source", "wkt");

    private final PlanningAreas areas;
    private final GridExport export;
    private final GridFileReader reader;
    private final GridImport gridImport;
    private final JsonMapper json;
    private final PlanningJurisdiction jurisdictionCheck;
    private final CurrentJurisdiction currentJurisdiction;

    GridFileController(PlanningAreas areas, GridExport export, GridFileReader reader, GridImport gridImport,
                       JsonMapper json, PlanningJurisdiction jurisdictionCheck,
                       CurrentJurisdiction currentJurisdiction) {
        this.jurisdictionCheck = jurisdictionCheck;
        this.currentJurisdiction = currentJurisdiction;
        this.areas = areas;
        this.export = export;
        this.reader = reader;
        this.gridImport = gridImport;
        this.json = json;
    }

    /**
     * Exports the basic and dedicated grids of a county, township or village/community, current
     * or as of a date (the end of that day in China Standard Time).
     */
    @GetMapping("/api/v1/planning/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String unit,
                                  @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String asOf) {
        String checkedFormat = format == null || format.isBlank() ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (!GridFileReader.FORMATS.contains(checkedFormat)) {
            throw RejectedRequestException.badRequest("planning.file-format-unknown", String.valueOf(format));
        }
        PlanningAreas.Unit found = exportedUnit(unit);
        jurisdictionCheck.requireUnit(currentJurisdiction.get(), found.code());
        Instant at = asOf == null || asOf.isBlank() ? null : PlanningQueryController.parseInstant(asOf);

        boolean wkt = !checkedFormat.equals("geojson");
        List<String> villages = areas.villageCodesIn(found);
        List<GridExport.ExportedGrid> grids = at == null ? export.current(villages, wkt) : export.asOf(villages, at, wkt);

        String baseName = "grids-" + found.code() + (asOf == null || asOf.isBlank() ? "" : "-" + asOf.strip());
        String fileName = baseName + "." + (checkedFormat.equals("shp") ? "zip" : checkedFormat);
        MediaType contentType = switch (checkedFormat) {
            case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case "kml" -> new MediaType("application", "vnd.google-earth.kml+xml", StandardCharsets.UTF_8);
            case "gpkg" -> new MediaType("application", "geopackage+sqlite3");
            case "shp" -> new MediaType("application", "zip");
            default -> new MediaType("application", "geo+json", StandardCharsets.UTF_8);
        };
        byte[] body = switch (checkedFormat) {
            case "csv" -> csv(grids).getBytes(StandardCharsets.UTF_8);
            case "kml" -> KmlFile.write(grids, found.code(), at).getBytes(StandardCharsets.UTF_8);
            case "gpkg" -> GeoPackageFile.write(grids, export.srsDefinition(4490));
            case "shp" -> ShapefileFile.write(grids, baseName);
            default -> geoJson(grids, found, at).getBytes(StandardCharsets.UTF_8);
        };
        return ResponseEntity.ok()
                .contentType(contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }

    /**
     * Checks a file of new grids and, with {@code commit=true}, stores them all in one
     * transaction. The body is the file itself, within the server's request size limit. Text
     * files are decoded with the charset of the Content-Type, UTF-8 when it names none.
     */
    @PostMapping("/api/v1/planning/import")
    GridImport.Report importGrids(@RequestParam(required = false) String format,
                                  @RequestParam(required = false) String crs,
                                  @RequestParam(defaultValue = "false") String commit,
                                  HttpEntity<byte[]> request) {
        ImportRequest checked = ImportRequest.of(format, crs, commit, request);
        GridFileReader.FileContent content = reader.read(checked.body(), checked.charset(), checked.format(),
                checked.crs());
        jurisdictionCheck.requireFeatures(currentJurisdiction.get(), content.features());
        GridImport.Report report = checked.commit() ? gridImport.commit(content.features())
                : gridImport.dryRun(content.features());
        return report.withCrs(content.crs(), content.fileCrs());
    }

    private PlanningAreas.Unit exportedUnit(String code) {
        String trimmed = code == null ? "" : code.strip();
        if (!trimmed.matches("[0-9]{12}")) {
            throw RejectedRequestException.badRequest("planning.export-unit-invalid", trimmed);
        }
        PlanningAreas.Unit unit = areas.unit(trimmed)
                .orElseThrow(() -> RejectedRequestException.notFound("planning.unit-not-found", trimmed));
        if (!List.of("county", "township", "village").contains(unit.level())) {
            throw RejectedRequestException.badRequest("planning.export-unit-level", unit.code());
        }
        return unit;
    }

    private String geoJson(List<GridExport.ExportedGrid> grids, PlanningAreas.Unit unit, Instant at) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"unit\":")
                .append(json.writeValueAsString(unit.code()))
                .append(",\"asOf\":").append(at == null ? "null" : "\"" + at + "\"")
                .append(",\"features\":[");
        for (int i = 0; i < grids.size(); i++) {
            GridExport.ExportedGrid grid = grids.get(i);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", grid.code());
            properties.put("name", grid.name());
            properties.put("kind", grid.kind());
            properties.put("dedicatedType", grid.dedicatedType());
            properties.put("villageCode", grid.villageCode());
            properties.put("version", grid.version());
            properties.put("source", grid.source());
            out.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":").append(grid.geometry())
                    .append(",\"properties\":").append(json.writeValueAsString(properties)).append('}');
        }
        return out.append("]}").toString();
    }

    private static String csv(List<GridExport.ExportedGrid> grids) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (GridExport.ExportedGrid grid : grids) {
                printer.printRecord(grid.code(), grid.name(), grid.kind(), grid.dedicatedType(), grid.villageCode(),
                        grid.version(), grid.source(), grid.geometry());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }
}

package cn.hemeigrid.planning;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the grids of an imported GeoJSON FeatureCollection, CSV file with a {@code wkt}
 * column, KML file, GeoPackage or zipped Shapefile ({@link ShapefileFile}), and converts their
 * coordinates to CGCS2000. Non-finite and empty coordinates are
 * kept as they are, so that the shape checks report them with the feature named.
 */
@Component
class GridFileReader {

    private static final Logger log = LoggerFactory.getLogger(GridFileReader.class);

    static final List<String> FORMATS = List.of("geojson", "csv", "kml", "gpkg", "shp");

    /** NaN or Infinity in WKT, which JTS's WKTReader rejects as unreadable. */
    private static final Pattern NON_FINITE_WORD = Pattern.compile("(?i)\\b(nan|inf|infinity)\\b");

    /**
     * Shapefile reads that may run at once. Each may hold 256 MB of unzipped parts and their
     * vertices, and the synchronous import runs on any number of request threads, so without
     * this limit a few small zip bombs sent together exhaust the heap.
     */
    static final int MAX_SHAPEFILE_READS = 2;

    /** Time a Shapefile import waits for a free read before it is rejected with 503. */
    static final Duration SHAPEFILE_READ_WAIT = Duration.ofSeconds(30);

    private final PlanningRequests requests;
    private final Semaphore shapefileReads;
    private final Duration shapefileReadWait;

    @Autowired
    GridFileReader(PlanningRequests requests) {
        this(requests, new Semaphore(MAX_SHAPEFILE_READS, true), SHAPEFILE_READ_WAIT);
    }

    GridFileReader(PlanningRequests requests, Semaphore shapefileReads, Duration shapefileReadWait) {
        this.requests = requests;
        this.shapefileReads = shapefileReads;
        this.shapefileReadWait = shapefileReadWait;
    }

    /**
     * The features of an imported file.
     *
     * @param crs     the {@code crs} code the positions were read in
     * @param fileCrs the system that a Shapefile's .prj file names, null for other formats,
     *                without a .prj file, or when it names none that the import recognises
     */
    record FileContent(List<ImportedFeature> features, String crs, String fileCrs) {
    }

    /**
     * Reads a file in the coordinate system of the {@code crs} parameter, CGCS2000 when it is
     * blank (for a Shapefile, the system of its .prj file then).
     *
     * @throws RejectedRequestException 400 for an unknown format or system, an unreadable file,
     *                                  a CSV file without a {@code wkt} column, a KML or GeoPackage
     *                                  file with a {@code crs} other than WGS84 or CGCS2000, or a
     *                                  file without features; 503 when {@value #MAX_SHAPEFILE_READS}
     *                                  Shapefiles are being read for longer than the wait
     */
    FileContent read(byte[] body, Charset charset, String format, String crsParameter) {
        String checkedFormat = format == null || format.isBlank() ? "geojson" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (checkedFormat.equals("shp") && body != null && body.length > 0) {
            FileContent content = readShapefile(body, crsParameter);
            if (content.features().isEmpty()) {
                throw RejectedRequestException.badRequest("planning.import.empty");
            }
            return content;
        }
        ImportCrs crs = ImportCrs.parse(crsParameter);
        return new FileContent(read(body, charset, checkedFormat, crs), crs.code(), null);
    }

    private FileContent readShapefile(byte[] zip, String crsParameter) {
        boolean acquired;
        try {
            acquired = shapefileReads.tryAcquire(shapefileReadWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            log.warn("Rejected a Shapefile of {} bytes: {} Shapefiles are being read", zip.length, MAX_SHAPEFILE_READS);
            throw new RejectedRequestException(HttpStatus.SERVICE_UNAVAILABLE, "planning.import.shapefile-busy");
        }
        try {
            return ShapefileFile.read(zip, crsParameter);
        } finally {
            shapefileReads.release();
        }
    }

    private List<ImportedFeature> read(byte[] body, Charset charset, String format, ImportCrs crs) {
        String checkedFormat = format == null || format.isBlank() ? "geojson" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(checkedFormat)) {
            throw RejectedRequestException.badRequest("planning.file-format-unknown", String.valueOf(format));
        }
        if (body == null || body.length == 0) {
            throw RejectedRequestException.badRequest("planning.import.empty");
        }
        List<ImportedFeature> features;
        if (checkedFormat.equals("gpkg")) {
            checkLonLat(crs);
            features = GeoPackageFile.read(body);
        } else {
            String decoded = new String(body, charset);
            String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
            if (text.isBlank()) {
                throw RejectedRequestException.badRequest("planning.import.empty");
            }
            features = switch (checkedFormat) {
                case "csv" -> readCsv(text, crs);
                case "kml" -> readKml(text, crs);
                default -> readGeoJson(text, crs);
            };
        }
        if (features.isEmpty()) {
            throw RejectedRequestException.badRequest("planning.import.empty");
        }
        return features;
    }

    private List<ImportedFeature> readGeoJson(String text, ImportCrs crs) {
        JsonNode collection = requests.read(text, JsonNode.class);
        if (!collection.path("type").asString("").equals("FeatureCollection")
                || !collection.path("features").isArray()) {
            throw RejectedRequestException.badRequest("planning.import.not-feature-collection");
        }
        List<ImportedFeature> features = new ArrayList<>();
        JsonNode members = collection.get("features");
        for (int i = 0; i < members.size(); i++) {
            JsonNode feature = members.get(i);
            JsonNode properties = feature.path("properties");
            JsonNode geometry = feature.get("geometry");
            if (geometry != null && geometry.isObject()) {
                geometry = geometry.deepCopy();
                convert(geometry.get("coordinates"), crs);
            }
            features.add(new ImportedFeature(i + 1, property(properties, "code"), property(properties, "name"),
                    property(properties, "kind"), property(properties, "dedicatedType"),
                    property(properties, "villageCode"), geometry, null));
        }
        return features;
    }

    private static List<ImportedFeature> readKml(String text, ImportCrs crs) {
        checkLonLat(crs);
        List<ImportedFeature> features = KmlFile.read(text);
        for (ImportedFeature feature : features) {
            if (feature.geometry() != null) {
                convert(feature.geometry().get("coordinates"), crs);
            }
        }
        return features;
    }

    /** Rejects a {@code crs} other than WGS84 or CGCS2000 for formats whose system is fixed or stored in the file. */
    private static void checkLonLat(ImportCrs crs) {
        if (!KmlFile.LON_LAT_CRS.contains(crs.code())) {
            throw RejectedRequestException.badRequest("planning.import.lon-lat-crs", crs.code());
        }
    }

    private static String property(JsonNode properties, String name) {
        JsonNode value = properties.get(name);
        return value == null || value.isNull() || value.isContainer() ? null : ImportedFeature.text(value.asString());
    }

    private List<ImportedFeature> readCsv(String text, ImportCrs crs) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        List<ImportedFeature> features = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || !header.containsKey("wkt")) {
                throw RejectedRequestException.badRequest("planning.import.wkt-column-missing");
            }
            WKTReader wkt = new WKTReader(new GeometryFactory());
            int index = 0;
            for (CSVRecord record : parser) {
                index++;
                Geometry shape = null;
                String readError = null;
                String wktText = column(record, "wkt");
                if (wktText != null) {
                    try {
                        shape = wkt.read(wktText);
                    } catch (ParseException | IllegalArgumentException unreadable) {
                        readError = NON_FINITE_WORD.matcher(wktText).find() ? "non-finite" : "wkt-unreadable";
                    }
                }
                features.add(new ImportedFeature(index, column(record, "code"), column(record, "name"),
                        column(record, "kind"), column(record, "dedicatedType"), column(record, "villageCode"),
                        shape == null ? null : geoJson(shape, crs), readError));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            throw RejectedRequestException.badRequest("planning.import.csv-unreadable");
        }
        return features;
    }

    private static String column(CSVRecord record, String name) {
        return record.isMapped(name) && record.isSet(name) ? ImportedFeature.text(record.get(name)) : null;
    }

    /** Writes a geometry read from WKT or GeoPackage as GeoJSON, so that every file goes through one parser. */
    static JsonNode geoJson(Geometry shape, ImportCrs crs) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode geometry = nodes.objectNode();
        ArrayNode coordinates = nodes.arrayNode();
        if (shape instanceof Polygon polygon) {
            geometry.put("type", "Polygon");
            addRings(coordinates, polygon);
        } else if (shape.getGeometryType().equals(Geometry.TYPENAME_MULTIPOLYGON)) {
            geometry.put("type", "MultiPolygon");
            for (int p = 0; p < shape.getNumGeometries(); p++) {
                addRings(coordinates.addArray(), (Polygon) shape.getGeometryN(p));
            }
        } else {
            geometry.put("type", shape.getGeometryType());
        }
        geometry.set("coordinates", coordinates);
        convert(coordinates, crs);
        return geometry;
    }

    private static void addRings(ArrayNode rings, Polygon polygon) {
        if (polygon.isEmpty()) {
            return;
        }
        addPositions(rings.addArray(), polygon.getExteriorRing().getCoordinates());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            addPositions(rings.addArray(), polygon.getInteriorRingN(h).getCoordinates());
        }
    }

    private static void addPositions(ArrayNode ring, Coordinate[] positions) {
        for (Coordinate c : positions) {
            ring.addArray().add(c.x).add(c.y);
        }
    }

    /**
     * Converts every position in a GeoJSON coordinates array in place. A position with a
     * non-finite or non-numeric ordinate is left for the parser to report, and so is a lon/lat
     * position off the globe, which may be latitude and longitude swapped.
     */
    static void convert(JsonNode coordinates, ImportCrs crs) {
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            return;
        }
        if (!coordinates.get(0).isArray()) {
            convertPosition((ArrayNode) coordinates, crs);
            return;
        }
        for (JsonNode member : coordinates) {
            convert(member, crs);
        }
    }

    private static void convertPosition(ArrayNode position, ImportCrs crs) {
        if (position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            return;
        }
        double x = position.get(0).asDouble();
        double y = position.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        if (crs.lonLat() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
            return;
        }
        Coordinate converted = crs.toCgcs2000().apply(new Coordinate(x, y));
        position.set(0, JsonNodeFactory.instance.numberNode(converted.x));
        position.set(1, JsonNodeFactory.instance.numberNode(converted.y));
    }
}

package cn.hemeigrid.dataload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.hemeigrid.dataload.HuizhouSources.County;
import cn.hemeigrid.dataload.HuizhouSources.SurveyedCentre;
import cn.hemeigrid.dataload.HuizhouSources.Township;
import cn.hemeigrid.dataload.HuizhouSources.Village;
import cn.hemeigrid.geo.ChinaOffset;
import cn.hemeigrid.geo.LonLat;

/**
 * Reads the four files of gis-data/ into {@link HuizhouSources}. GeoJSON coordinates are GCJ-02
 * (Amap) and are converted to CGCS2000 with {@link ChinaOffset#gcj02ToWgs84}.
 */
final class HuizhouSourceReader {

    static final String COUNTIES_FILE = "counties.gcj02.geojson";
    static final String CENTRES_FILE = "centres-2016.gcj02.geojson";
    static final String TOWNSHIPS_FILE = "townships-2023.csv";
    static final String VILLAGES_FILE = "villages-2023.csv";

    static final String CITY_CODE = "441300000000";

    /** Opens one file of gis-data/ by its name. */
    @FunctionalInterface
    interface FileOpener {
        InputStream open(String fileName) throws IOException;
    }

    private final FileOpener files;
    private final JsonMapper json = JsonMapper.builder().build();

    HuizhouSourceReader(FileOpener files) {
        this.files = files;
    }

    /** Reads gis-data/ from the classpath, where the build copies it. */
    static HuizhouSourceReader fromClasspath() {
        return new HuizhouSourceReader(name -> {
            InputStream in = HuizhouSourceReader.class.getClassLoader().getResourceAsStream("gis-data/" + name);
            if (in == null) {
                throw new IOException("Missing classpath resource gis-data/" + name
                        + "; the build copies it from the gis-data folder, so rebuild the jar");
            }
            return in;
        });
    }

    /** Reads the four files from a folder on disk. */
    static HuizhouSourceReader fromDirectory(Path directory) {
        return new HuizhouSourceReader(name -> {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException("Missing file " + file.toAbsolutePath()
                        + "; hemei.data.dir must name a folder with the four gis-data files");
            }
            return Files.newInputStream(file);
        });
    }

    HuizhouSources read() {
        List<County> outlines = readOutlines();
        County city = outlines.stream().filter(o -> o.code().equals(CITY_CODE)).findFirst()
                .orElseThrow(() -> new IllegalStateException(COUNTIES_FILE + " has no feature with code12 " + CITY_CODE));
        List<County> counties = outlines.stream().filter(o -> !o.code().equals(CITY_CODE)).toList();

        List<Township> townships = readTownships();
        List<Village> villages = readVillages();
        checkCodes(counties, townships, villages);
        return new HuizhouSources(city, counties, townships, villages, readCentres());
    }

    /** Rejects malformed or repeated codes and units whose parent is missing, naming the file and code. */
    private static void checkCodes(List<County> counties, List<Township> townships, List<Village> villages) {
        Set<String> countyCodes = new TreeSet<>();
        counties.forEach(county -> countyCodes.add(county.code()));
        Set<String> townshipCodes = new TreeSet<>();
        for (Township township : townships) {
            checkCode(TOWNSHIPS_FILE, township.code(), townshipCodes);
            if (!countyCodes.contains(township.countyCode())) {
                throw new IllegalStateException(TOWNSHIPS_FILE + ": township " + township.code() + " names county "
                        + township.countyCode() + ", which " + COUNTIES_FILE + " does not contain");
            }
        }
        Set<String> villageCodes = new TreeSet<>();
        for (Village village : villages) {
            checkCode(VILLAGES_FILE, village.code(), villageCodes);
            if (!townshipCodes.contains(village.townshipCode())) {
                throw new IllegalStateException(VILLAGES_FILE + ": village " + village.code() + " names township "
                        + village.townshipCode() + ", which " + TOWNSHIPS_FILE + " does not contain");
            }
        }
    }

    private static void checkCode(String fileName, String code, Set<String> seen) {
        if (code == null || !code.matches("[0-9]{12}")) {
            throw new IllegalStateException(fileName + ": invalid code '" + code + "'; expected 12 digits");
        }
        if (!seen.add(code)) {
            throw new IllegalStateException(fileName + ": code " + code + " appears more than once");
        }
    }

    private List<County> readOutlines() {
        List<County> outlines = new ArrayList<>();
        for (JsonNode feature : readFeatures(COUNTIES_FILE)) {
            JsonNode properties = feature.path("properties");
            Geometry outline = polygonal(feature.path("geometry"));
            outlines.add(new County(properties.path("code12").asString(), properties.path("name").asString(),
                    SnapRoundedCoverage.snapToPrecision(outline)));
        }
        return outlines;
    }

    private List<SurveyedCentre> readCentres() {
        List<SurveyedCentre> centres = new ArrayList<>();
        for (JsonNode feature : readFeatures(CENTRES_FILE)) {
            JsonNode properties = feature.path("properties");
            String level = properties.path("level").asString();
            if (!level.equals("town") && !level.equals("village")) {
                throw new IllegalStateException(CENTRES_FILE + ": unknown level '" + level + "' for code "
                        + properties.path("code12").asString() + "; expected town or village");
            }
            boolean township = level.equals("town");
            centres.add(new SurveyedCentre(
                    properties.path("code12").asString(),
                    properties.path("name").asString(),
                    township,
                    properties.path("parent12").asString(),
                    township ? properties.path("county").asString() : properties.path("town").asString(),
                    SnapRoundedCoverage.round(toCgcs2000(feature.path("geometry").path("coordinates")))));
        }
        return centres;
    }

    private List<Township> readTownships() {
        return readCsv(TOWNSHIPS_FILE).stream()
                .map(row -> new Township(row.get("street_code12"), row.get("street_name"),
                        row.get("county_code6") + "000000"))
                .toList();
    }

    private List<Village> readVillages() {
        return readCsv(VILLAGES_FILE).stream()
                .map(row -> new Village(row.get("village_code12"), row.get("village_name"),
                        row.get("street_code9") + "000"))
                .toList();
    }

    private List<JsonNode> readFeatures(String fileName) {
        try (InputStream in = files.open(fileName)) {
            JsonNode features = json.readTree(in).path("features");
            if (!features.isArray()) {
                throw new IllegalStateException(fileName + " is not a GeoJSON FeatureCollection");
            }
            return List.copyOf(features.values());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + fileName, e);
        }
    }

    private List<CSVRecord> readCsv(String fileName) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = new InputStreamReader(files.open(fileName), StandardCharsets.UTF_8)) {
            return format.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + fileName, e);
        }
    }

    private static Geometry polygonal(JsonNode geometry) {
        String type = geometry.path("type").asString();
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> PolygonOps.FACTORY.createMultiPolygon(
                    coordinates.valueStream().map(HuizhouSourceReader::polygon).toArray(Polygon[]::new));
            default -> throw new IllegalStateException(COUNTIES_FILE + ": expected Polygon or MultiPolygon, got " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        List<LinearRing> converted = rings.valueStream().map(HuizhouSourceReader::ring).toList();
        return PolygonOps.FACTORY.createPolygon(converted.get(0),
                converted.subList(1, converted.size()).toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = positions.valueStream().map(HuizhouSourceReader::toCgcs2000).toArray(Coordinate[]::new);
        return PolygonOps.FACTORY.createLinearRing(coordinates);
    }

    private static Coordinate toCgcs2000(JsonNode position) {
        LonLat wgs84 = ChinaOffset.gcj02ToWgs84(new LonLat(position.path(0).doubleValue(), position.path(1).doubleValue()));
        return new Coordinate(wgs84.lon(), wgs84.lat());
    }
}

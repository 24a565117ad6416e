package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import cn.hemeigrid.planning.shapefile.DbfTable;
import cn.hemeigrid.planning.shapefile.PolygonRings;
import cn.hemeigrid.planning.shapefile.PrjCrs;
import cn.hemeigrid.planning.shapefile.ShapefileArchive;
import cn.hemeigrid.planning.shapefile.ShpFile;
import cn.hemeigrid.planning.shapefile.ShpWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes grids as a zipped Shapefile. The .dbf columns are {@code code},
 * {@code name}, {@code kind}, {@code dedicatedT}, {@code villageCod}, {@code version} and
 * {@code source}: DBF column names have at most 10 characters, and these are the names that
 * ogr2ogr gives {@code dedicatedType} and {@code villageCode}. Import also takes the full
 * names in any case. The export is in CGCS2000 longitude/latitude with a UTF-8 .cpg file.
 */
final class ShapefileFile {

    static final Map<String, Integer> EXPORT_COLUMNS = exportColumns();

    private ShapefileFile() {
    }

    /**
     * Reads the zipped Shapefile. The planner's {@code crs} wins over the .prj file; without
     * one, the system of the .prj file is used, and CGCS2000 without both.
     */
    static GridFileReader.FileContent read(byte[] zip, String crsParameter) {
        ShapefileArchive archive = ShapefileArchive.read(zip);
        String fileCrs = PrjCrs.recognise(archive.prj()).orElse(null);
        boolean chosen = crsParameter != null && !crsParameter.isBlank();
        ImportCrs crs = ImportCrs.parse(chosen ? crsParameter : fileCrs);

        List<ShpFile.ShapeRecord> records = ShpFile.read(archive.shp());
        DbfTable table = DbfTable.read(archive.dbf(), archive.cpg());
        Map<String, String> columns = columnsByAttribute(table.columns());
        List<ImportedFeature> features = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> row = i < table.rows().size() ? table.rows().get(i) : Map.of();
            if (row == null) {
                // A record whose .dbf row is marked deleted is a deleted feature, as GDAL's Shapefile driver reads it.
                continue;
            }
            features.add(new ImportedFeature(i + 1, value(row, columns, "code"), value(row, columns, "name"),
                    value(row, columns, "kind"), value(row, columns, "dedicatedType"),
                    value(row, columns, "villageCode"), geometry(records.get(i), crs), null));
        }
        return new GridFileReader.FileContent(features, crs.code(), fileCrs);
    }

    /** Writes the grids, whose {@code geometry} is WKT, as a zip of .shp, .shx, .dbf, .prj and .cpg files. */
    static byte[] write(List<GridExport.ExportedGrid> grids, String name) {
        WKTReader wkt = new WKTReader(new GeometryFactory());
        List<Geometry> shapes = new ArrayList<>(grids.size());
        List<List<Object>> rows = new ArrayList<>(grids.size());
        for (GridExport.ExportedGrid grid : grids) {
            try {
                shapes.add(wkt.read(grid.geometry()));
            } catch (ParseException impossible) {
                throw new IllegalStateException("PostGIS wrote unreadable WKT for grid " + grid.code(), impossible);
            }
            List<Object> row = new ArrayList<>();
            row.add(grid.code());
            row.add(grid.name());
            row.add(grid.kind());
            row.add(grid.dedicatedType());
            row.add(grid.villageCode());
            row.add(grid.version());
            row.add(grid.source());
            rows.add(row);
        }
        ShpWriter.Output geometry = ShpWriter.write(shapes);
        byte[] dbf = DbfTable.write(EXPORT_COLUMNS, rows);
        return new ShapefileArchive(name, geometry.shp(), geometry.shx(), dbf, PrjCrs.CGCS2000_PRJ, "UTF-8").write();
    }

    private static Map<String, Integer> exportColumns() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("code", 15);
        columns.put("name", DbfTable.MAX_TEXT_BYTES);
        columns.put("kind", 10);
        columns.put("dedicatedT", 20);
        columns.put("villageCod", 12);
        columns.put("version", 0);
        columns.put("source", 20);
        return columns;
    }

    /** Maps each attribute to the file's column for it, matching names without regard to case. */
    private static Map<String, String> columnsByAttribute(List<String> columns) {
        Map<String, List<String>> names = Map.of(
                "code", List.of("code"),
                "name", List.of("name"),
                "kind", List.of("kind"),
                "dedicatedType", List.of("dedicatedtype", "dedicatedt"),
                "villageCode", List.of("villagecode", "villagecod"));
        Map<String, String> found = new LinkedHashMap<>();
        names.forEach((attribute, accepted) -> columns.stream()
                .filter(column -> accepted.contains(column.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .ifPresent(column -> found.put(attribute, column)));
        return found;
    }

    private static String value(Map<String, String> row, Map<String, String> columns, String attribute) {
        String column = columns.get(attribute);
        return column == null ? null : ImportedFeature.text(row.get(column));
    }

    /** Writes a record as a GeoJSON Polygon or MultiPolygon in CGCS2000, or null for a null shape. */
    private static JsonNode geometry(ShpFile.ShapeRecord record, ImportCrs crs) {
        if (record.parts().isEmpty()) {
            return null;
        }
        List<List<Coordinate[]>> polygons = PolygonRings.polygons(record.parts());
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode geometry = nodes.objectNode();
        ArrayNode coordinates = nodes.arrayNode();
        if (polygons.size() == 1) {
            geometry.put("type", "Polygon");
            addRings(coordinates, polygons.get(0));
        } else {
            geometry.put("type", "MultiPolygon");
            polygons.forEach(polygon -> addRings(coordinates.addArray(), polygon));
        }
        geometry.set("coordinates", coordinates);
        GridFileReader.convert(coordinates, crs);
        return geometry;
    }

    private static void addRings(ArrayNode rings, List<Coordinate[]> polygon) {
        for (Coordinate[] ring : polygon) {
            ArrayNode positions = rings.addArray();
            for (Coordinate position : ring) {
                positions.addArray().add(position.x).add(position.y);
            }
        }
    }
}

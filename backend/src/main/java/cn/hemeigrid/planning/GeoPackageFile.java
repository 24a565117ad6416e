package cn.hemeigrid.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.hemeigrid.system.RejectedRequestException;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkt.GeometryReader;
import mil.nga.sf.wkt.GeometryWriter;

/**
 * Reads and writes grids as an OGC GeoPackage with the NGA geopackage-java library.
 * The export is one feature table {@code grids} of MultiPolygons in EPSG:4490 with the columns
 * {@code code}, {@code name}, {@code kind}, {@code dedicatedType}, {@code villageCode},
 * {@code version} and {@code source}. SQLite works on files only, so both directions go
 * through a temporary file that is deleted before the method returns.
 */
final class GeoPackageFile {

    static final String TABLE = "grids";

    private static final Logger log = LoggerFactory.getLogger(GeoPackageFile.class);

    /** The first 16 bytes of every SQLite 3 database file, and so of every GeoPackage. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private static final List<String> TEXT_COLUMNS = List.of("code", "name", "kind", "dedicatedType", "villageCode",
            "source");

    private GeoPackageFile() {
    }

    /**
     * Reads every row of the file's only feature table as one feature, with the geometry
     * converted to CGCS2000 GeoJSON. The table's SRS must be EPSG:4490 or EPSG:4326.
     *
     * @throws RejectedRequestException 400 for a file that is not a GeoPackage, one without or
     *                                  with several feature tables, or another SRS
     */
    static List<ImportedFeature> read(byte[] body) {
        if (body.length < SQLITE_HEADER.length
                || !Arrays.equals(Arrays.copyOf(body, SQLITE_HEADER.length), SQLITE_HEADER)) {
            throw RejectedRequestException.badRequest("planning.import.gpkg-unreadable");
        }
        Path file = null;
        try {
            file = Files.createTempFile("hemei-import-", ".gpkg");
            Files.write(file, body);
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile(), false)) {
                return readFeatures(geoPackage);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Failed to write the uploaded GeoPackage to a temporary file", failed);
        } catch (RejectedRequestException rejected) {
            throw rejected;
        } catch (RuntimeException unreadable) {
            // geopackage-java reports a damaged or foreign SQLite file as GeoPackageException or SQLite errors.
            log.info("Rejected an uploaded GeoPackage: {}", unreadable.toString());
            throw RejectedRequestException.badRequest("planning.import.gpkg-unreadable");
        } finally {
            delete(file);
        }
    }

    private static List<ImportedFeature> readFeatures(GeoPackage geoPackage) {
        List<String> tables = geoPackage.getFeatureTables();
        if (tables.size() != 1) {
            throw RejectedRequestException.badRequest("planning.import.gpkg-feature-tables",
                    tables.isEmpty() ? "-" : String.join(", ", tables));
        }
        FeatureDao dao = geoPackage.getFeatureDao(tables.get(0));
        SpatialReferenceSystem srs = dao.getSrs();
        String srsCode = srs == null ? "?" : srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
        String crsCode = srsCode.toLowerCase(Locale.ROOT);
        if (!crsCode.equals("epsg:4490") && !crsCode.equals("epsg:4326")) {
            throw RejectedRequestException.badRequest("planning.import.gpkg-srs", srsCode);
        }
        ImportCrs crs = ImportCrs.parse(crsCode);

        List<ImportedFeature> features = new ArrayList<>();
        WKTReader wkt = new WKTReader(new GeometryFactory());
        FeatureResultSet rows = dao.queryForAll();
        try {
            while (rows.moveToNext()) {
                features.add(feature(features.size() + 1, rows.getRow(), wkt, crs));
            }
        } finally {
            rows.close();
        }
        return features;
    }

    private static ImportedFeature feature(int index, FeatureRow row, WKTReader wkt, ImportCrs crs) {
        GeoPackageGeometryData data = row.getGeometry();
        mil.nga.sf.Geometry stored = data == null ? null : data.getGeometry();
        Geometry shape = null;
        String readError = null;
        if (stored != null) {
            try {
                shape = wkt.read(GeometryWriter.writeGeometry(stored));
            } catch (IOException | ParseException | IllegalArgumentException unreadable) {
                readError = "wkt-unreadable";
            }
        }
        return new ImportedFeature(index, text(row, "code"), text(row, "name"), text(row, "kind"),
                text(row, "dedicatedType"), text(row, "villageCode"),
                shape == null ? null : GridFileReader.geoJson(shape, crs), readError);
    }

    private static String text(FeatureRow row, String column) {
        if (!row.hasColumn(column)) {
            return null;
        }
        Object value = row.getValue(column);
        return value == null ? null : ImportedFeature.text(value.toString());
    }

    /**
     * Writes the grids, whose {@code geometry} is WKT, as a GeoPackage and returns its bytes.
     *
     * @param cgcs2000Definition the OGC WKT of EPSG:4490 for {@code gpkg_spatial_ref_sys},
     *                           because geopackage-core 6.6.7 rejects EPSG:4490 as unknown
     */
    static byte[] write(List<GridExport.ExportedGrid> grids, String cgcs2000Definition) {
        Path folder = null;
        Path file = null;
        try {
            folder = Files.createTempDirectory("hemei-export-");
            file = folder.resolve("grids.gpkg");
            GeoPackageManager.create(file.toFile());
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
                writeTable(geoPackage, grids, cgcs2000(geoPackage, cgcs2000Definition));
            }
            return Files.readAllBytes(file);
        } catch (IOException | SQLException failed) {
            throw new IllegalStateException("Failed to write a GeoPackage of " + grids.size() + " grids", failed);
        } finally {
            delete(file);
            delete(folder);
        }
    }

    private static SpatialReferenceSystem cgcs2000(GeoPackage geoPackage, String definition) throws SQLException {
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsName("China Geodetic Coordinate System 2000");
        srs.setSrsId(4490);
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(4490);
        srs.setDefinition(definition);
        srs.setDescription("CGCS2000 longitude/latitude");
        geoPackage.getSpatialReferenceSystemDao().create(srs);
        return srs;
    }

    private static void writeTable(GeoPackage geoPackage, List<GridExport.ExportedGrid> grids,
                                   SpatialReferenceSystem srs) throws IOException, SQLException {
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(TABLE);
        geometryColumns.setColumnName("geom");
        geometryColumns.setGeometryType(GeometryType.MULTIPOLYGON);
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrs(srs);

        List<FeatureColumn> columns = new ArrayList<>();
        for (String column : TEXT_COLUMNS) {
            columns.add(FeatureColumn.createColumn(column, GeoPackageDataType.TEXT));
        }
        columns.add(FeatureColumn.createColumn("version", GeoPackageDataType.INTEGER));

        List<mil.nga.sf.Geometry> shapes = new ArrayList<>();
        BoundingBox extent = null;
        for (GridExport.ExportedGrid grid : grids) {
            mil.nga.sf.Geometry shape = GeometryReader.readGeometry(grid.geometry());
            shapes.add(shape);
            BoundingBox box = new BoundingBox(shape.getEnvelope());
            extent = extent == null ? box : extent.union(box);
        }
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, columns,
                extent == null ? new BoundingBox() : extent));

        FeatureDao dao = geoPackage.getFeatureDao(TABLE);
        // One transaction, because SQLite syncs the file after every autocommitted insert.
        dao.beginTransaction();
        boolean written = false;
        try {
            for (int i = 0; i < grids.size(); i++) {
                GridExport.ExportedGrid grid = grids.get(i);
                FeatureRow row = dao.newRow();
                row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(srs.getSrsId(), shapes.get(i)));
                row.setValue("code", grid.code());
                row.setValue("name", grid.name());
                row.setValue("kind", grid.kind());
                row.setValue("dedicatedType", grid.dedicatedType());
                row.setValue("villageCode", grid.villageCode());
                row.setValue("source", grid.source());
                row.setValue("version", (long) grid.version());
                dao.create(row);
            }
            written = true;
        } finally {
            dao.endTransaction(written);
        }
    }

    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException failed) {
            log.warn("Failed to delete the temporary file {}: {}", path, failed.toString());
        }
    }
}

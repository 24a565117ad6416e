package cn.hemeigrid.planning.shapefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * Reads the polygon records of a .shp file as laid out in "ESRI Shapefile Technical
 * Description" (ESRI white paper, July 1998): a 100-byte header, then records of an 8-byte
 * big-endian header (record number, content length in 16-bit words) and little-endian content.
 *
 * <p>Hand-written because no Maven Central library that reads .shp without GeoTools resolved
 * here (GeoTools itself is not served), and the polygon part of the format is small.
 * Polygon (5), PolygonZ (15) and PolygonM (25) files are read in two dimensions, Z and M values
 * being dropped. Every other shape type is rejected.
 */
public final class ShpFile {

    static final int FILE_CODE = 9994;
    static final int VERSION = 1000;
    static final int HEADER_BYTES = 100;
    static final int NULL_SHAPE = 0;
    static final int POLYGON = 5;

    /**
     * Most vertices read from one file. Each vertex costs about 200 bytes of heap once read as
     * GeoJSON (estimated from the objects created, not measured), so a small zip of repeated
     * vertices could otherwise fill the heap. The 8,464 generated grids of all Huizhou have
     * 77,295 vertices, so real grids drawn in more detail still fit well.
     */
    public static final int MAX_POINTS = 2_000_000;

    private static final List<Integer> POLYGON_TYPES = List.of(POLYGON, 15, 25);

    /** Names of the other shape types, for the message that rejects a file of points or lines. */
    private static final Map<Integer, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(1, "Point"), Map.entry(3, "PolyLine"), Map.entry(8, "MultiPoint"), Map.entry(11, "PointZ"),
            Map.entry(13, "PolyLineZ"), Map.entry(18, "MultiPointZ"), Map.entry(21, "PointM"),
            Map.entry(23, "PolyLineM"), Map.entry(28, "MultiPointM"), Map.entry(31, "MultiPatch"));

    private ShpFile() {
    }

    /**
     * One record of the file.
     *
     * @param number the record number stored in the file, from 1
     * @param parts  the rings as stored, each a list of positions; empty for a null shape
     */
    public record ShapeRecord(int number, List<Coordinate[]> parts) {
    }

    /**
     * Reads every record of a polygon .shp file.
     *
     * @throws RejectedRequestException 400 for a file that is not a .shp file, one truncated or
     *                                  with inconsistent part counts, one of points or lines, or
     *                                  one with more than {@value #MAX_POINTS} vertices
     */
    public static List<ShapeRecord> read(byte[] shp) {
        ByteBuffer buffer = ByteBuffer.wrap(shp);
        if (shp.length < HEADER_BYTES || buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            throw RejectedRequestException.badRequest("planning.import.shp-unreadable");
        }
        int shapeType = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (!POLYGON_TYPES.contains(shapeType) && shapeType != NULL_SHAPE) {
            throw RejectedRequestException.badRequest("planning.import.shp-type",
                    TYPE_NAMES.getOrDefault(shapeType, "?"), shapeType);
        }

        List<ShapeRecord> records = new ArrayList<>();
        long points = 0;
        int offset = HEADER_BYTES;
        while (offset + 8 <= shp.length) {
            int number = buffer.order(ByteOrder.BIG_ENDIAN).getInt(offset);
            long contentBytes = 2L * buffer.getInt(offset + 4);
            int start = offset + 8;
            if (contentBytes < 4 || start + contentBytes > shp.length) {
                throw unreadableRecord(number);
            }
            ByteBuffer content = ByteBuffer.wrap(shp, start, (int) contentBytes).slice().order(ByteOrder.LITTLE_ENDIAN);
            List<Coordinate[]> parts = parts(content, number, MAX_POINTS - points);
            for (Coordinate[] part : parts) {
                points += part.length;
            }
            records.add(new ShapeRecord(number, parts));
            offset = start + (int) contentBytes;
        }
        return records;
    }

    private static List<Coordinate[]> parts(ByteBuffer content, int number, long remainingPoints) {
        int recordType = content.getInt(0);
        if (recordType == NULL_SHAPE) {
            return List.of();
        }
        if (!POLYGON_TYPES.contains(recordType)) {
            throw RejectedRequestException.badRequest("planning.import.shp-type",
                    TYPE_NAMES.getOrDefault(recordType, "?"), recordType);
        }
        // Shape type (4 bytes), bounding box (4 doubles), NumParts, NumPoints, Parts[], Points[].
        if (content.limit() < 44) {
            throw unreadableRecord(number);
        }
        int partCount = content.getInt(36);
        int pointCount = content.getInt(40);
        long needed = 44L + 4L * partCount + 16L * pointCount;
        if (partCount < 0 || pointCount < 0 || needed > content.limit()) {
            throw unreadableRecord(number);
        }
        if (pointCount > remainingPoints) {
            throw RejectedRequestException.badRequest("planning.import.shp-too-many-points", MAX_POINTS);
        }
        int pointsStart = 44 + 4 * partCount;
        List<Coordinate[]> parts = new ArrayList<>(partCount);
        for (int p = 0; p < partCount; p++) {
            int first = content.getInt(44 + 4 * p);
            int end = p + 1 < partCount ? content.getInt(44 + 4 * (p + 1)) : pointCount;
            if (first < 0 || end < first || end > pointCount) {
                throw unreadableRecord(number);
            }
            Coordinate[] ring = new Coordinate[end - first];
            for (int i = first; i < end; i++) {
                int at = pointsStart + 16 * i;
                ring[i - first] = new Coordinate(content.getDouble(at), content.getDouble(at + 8));
            }
            parts.add(ring);
        }
        return parts;
    }

    private static RejectedRequestException unreadableRecord(int number) {
        return RejectedRequestException.badRequest("planning.import.shp-record-unreadable", number);
    }
}

package cn.hemeigrid.planning.shapefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes Polygon (type 5) .shp and .shx files from JTS polygons and multipolygons, following
 * "ESRI Shapefile Technical Description" (July 1998). Each shell is written clockwise and
 * each hole counter-clockwise, as that description requires, whatever the input orientation.
 * Hand-written for the reason given on {@link ShpFile}.
 */
public final class ShpWriter {

    private ShpWriter() {
    }

    /** The bytes of a .shp file and of its .shx index. */
    public record Output(byte[] shp, byte[] shx) {
    }

    /**
     * @param shapes Polygon or MultiPolygon geometries, one record each
     * @throws IllegalArgumentException for another geometry type
     */
    public static Output write(List<? extends Geometry> shapes) {
        List<byte[]> contents = new ArrayList<>(shapes.size());
        Envelope extent = new Envelope();
        for (Geometry shape : shapes) {
            contents.add(polygonContent(shape));
            extent.expandToInclude(shape.getEnvelopeInternal());
        }

        int shpBytes = ShpFile.HEADER_BYTES;
        for (byte[] content : contents) {
            shpBytes += 8 + content.length;
        }
        int shxBytes = ShpFile.HEADER_BYTES + 8 * contents.size();
        ByteBuffer shp = header(shpBytes, extent);
        ByteBuffer shx = header(shxBytes, extent);
        for (int i = 0; i < contents.size(); i++) {
            byte[] content = contents.get(i);
            shx.order(ByteOrder.BIG_ENDIAN).putInt(shp.position() / 2).putInt(content.length / 2);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(content.length / 2);
            shp.put(content);
        }
        return new Output(shp.array(), shx.array());
    }

    private static ByteBuffer header(int fileBytes, Envelope extent) {
        ByteBuffer header = ByteBuffer.allocate(fileBytes);
        header.order(ByteOrder.BIG_ENDIAN).putInt(ShpFile.FILE_CODE);
        header.position(24);
        header.putInt(fileBytes / 2);
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(ShpFile.VERSION).putInt(ShpFile.POLYGON);
        putBox(header, extent);
        // Z and M ranges stay 0, because the file is two-dimensional.
        header.position(ShpFile.HEADER_BYTES);
        return header;
    }

    private static void putBox(ByteBuffer buffer, Envelope box) {
        boolean empty = box.isNull();
        buffer.putDouble(empty ? 0 : box.getMinX()).putDouble(empty ? 0 : box.getMinY())
                .putDouble(empty ? 0 : box.getMaxX()).putDouble(empty ? 0 : box.getMaxY());
    }

    private static byte[] polygonContent(Geometry shape) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int p = 0; p < shape.getNumGeometries(); p++) {
            if (!(shape.getGeometryN(p) instanceof Polygon polygon)) {
                throw new IllegalArgumentException("Shapefile export takes polygons, not " + shape.getGeometryType());
            }
            if (polygon.isEmpty()) {
                continue;
            }
            rings.add(oriented(polygon.getExteriorRing().getCoordinates(), false));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(oriented(polygon.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        int pointCount = rings.stream().mapToInt(ring -> ring.length).sum();
        ByteBuffer content = ByteBuffer.allocate(44 + 4 * rings.size() + 16 * pointCount)
                .order(ByteOrder.LITTLE_ENDIAN);
        content.putInt(ShpFile.POLYGON);
        putBox(content, shape.getEnvelopeInternal());
        content.putInt(rings.size()).putInt(pointCount);
        int first = 0;
        for (Coordinate[] ring : rings) {
            content.putInt(first);
            first += ring.length;
        }
        for (Coordinate[] ring : rings) {
            for (Coordinate position : ring) {
                content.putDouble(position.x).putDouble(position.y);
            }
        }
        return content.array();
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (ring.length < 4 || Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = ring.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(reversed));
        return reversed;
    }
}

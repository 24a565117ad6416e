package cn.hemeigrid.planning.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import cn.hemeigrid.system.RejectedRequestException;

class ShpFileTest {

    private final WKTReader wkt = new WKTReader();

    @Test
    void polygonWithHoleRoundTrips() throws Exception {
        Geometry square = wkt.read("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");

        ShpWriter.Output output = ShpWriter.write(List.of(square));
        List<ShpFile.ShapeRecord> records = ShpFile.read(output.shp());

        assertThat(records).hasSize(1);
        List<Coordinate[]> parts = records.get(0).parts();
        assertThat(parts).hasSize(2);
        assertThat(Orientation.isCCW(parts.get(0))).as("shell clockwise in the file").isFalse();
        assertThat(Orientation.isCCW(parts.get(1))).as("hole counter-clockwise in the file").isTrue();
        List<List<Coordinate[]>> polygons = PolygonRings.polygons(parts);
        assertThat(polygons).hasSize(1);
        assertThat(polygons.get(0)).hasSize(2);
        assertThat(Orientation.isCCW(polygons.get(0).get(0))).as("shell per RFC 7946").isTrue();
    }

    @Test
    void multiPolygonKeepsBothParts() throws Exception {
        Geometry two = wkt.read("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))");

        List<ShpFile.ShapeRecord> records = ShpFile.read(ShpWriter.write(List.of(two, two)).shp());

        assertThat(records).extracting(ShpFile.ShapeRecord::number).containsExactly(1, 2);
        assertThat(PolygonRings.polygons(records.get(1).parts())).hasSize(2);
    }

    @Test
    void indexPointsAtEveryRecord() throws Exception {
        Geometry first = wkt.read("POLYGON((0 0, 1 0, 1 1, 0 0))");
        Geometry second = wkt.read("POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))");

        ShpWriter.Output output = ShpWriter.write(List.of(first, second));

        ByteBuffer shx = ByteBuffer.wrap(output.shx()).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer shp = ByteBuffer.wrap(output.shp()).order(ByteOrder.BIG_ENDIAN);
        assertThat(shx.getInt(24) * 2).isEqualTo(output.shx().length);
        assertThat(shp.getInt(24) * 2).isEqualTo(output.shp().length);
        for (int record = 0; record < 2; record++) {
            int offsetBytes = shx.getInt(100 + 8 * record) * 2;
            assertThat(shp.getInt(offsetBytes)).isEqualTo(record + 1);
            assertThat(shp.getInt(offsetBytes + 4)).isEqualTo(shx.getInt(104 + 8 * record));
        }
    }

    @Test
    void polygonZReadsInTwoDimensions() throws Exception {
        byte[] shp = ShpWriter.write(List.of(wkt.read("POLYGON((0 0, 1 0, 1 1, 0 0))"))).shp();
        // Turn the Polygon into a PolygonZ: type 15, plus a Z range and four Z values after the points.
        byte[] withZ = Arrays.copyOf(shp, shp.length + 16 + 32);
        ByteBuffer buffer = ByteBuffer.wrap(withZ);
        buffer.order(ByteOrder.LITTLE_ENDIAN).putInt(32, 15).putInt(108, 15);
        buffer.order(ByteOrder.BIG_ENDIAN).putInt(24, withZ.length / 2).putInt(104, (withZ.length - 108) / 2);

        List<ShpFile.ShapeRecord> records = ShpFile.read(withZ);

        assertThat(records.get(0).parts().get(0)).hasSize(4);
        assertThat(records.get(0).parts().get(0)).contains(new Coordinate(1, 0), new Coordinate(1, 1));
    }

    @Test
    void pointFileRejectedWithItsType() throws Exception {
        byte[] shp = ShpWriter.write(List.of()).shp();
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 1);

        assertThatThrownBy(() -> ShpFile.read(shp))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected -> {
                    assertThat(rejected.messageKey()).isEqualTo("planning.import.shp-type");
                    assertThat(rejected.messageArguments()).containsExactly("Point", "1");
                });
    }

    @Test
    void truncatedRecordRejectedWithItsNumber() throws Exception {
        byte[] shp = ShpWriter.write(List.of(wkt.read("POLYGON((0 0, 1 0, 1 1, 0 0))"))).shp();

        assertThatThrownBy(() -> ShpFile.read(Arrays.copyOf(shp, shp.length - 10)))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected -> {
                    assertThat(rejected.messageKey()).isEqualTo("planning.import.shp-record-unreadable");
                    assertThat(rejected.messageArguments()).containsExactly("1");
                });
    }

    @Test
    void tooManyVerticesRejectedBeforeReading() {
        int points = ShpFile.MAX_POINTS + 1;
        int contentBytes = 44 + 4 + 16 * points;
        byte[] shp = Arrays.copyOf(ShpWriter.write(List.of()).shp(), ShpFile.HEADER_BYTES + 8 + contentBytes);
        ByteBuffer record = ByteBuffer.wrap(shp, ShpFile.HEADER_BYTES, 8 + contentBytes).slice();
        record.order(ByteOrder.BIG_ENDIAN).putInt(0, 1).putInt(4, contentBytes / 2);
        record.order(ByteOrder.LITTLE_ENDIAN).putInt(8, ShpFile.POLYGON).putInt(8 + 36, 1).putInt(8 + 40, points);

        assertThatThrownBy(() -> ShpFile.read(shp))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected ->
                        assertThat(rejected.messageKey()).isEqualTo("planning.import.shp-too-many-points"));
    }

    @Test
    void foreignFileRejected() {
        assertThatThrownBy(() -> ShpFile.read(new byte[120]))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected ->
                        assertThat(rejected.messageKey()).isEqualTo("planning.import.shp-unreadable"));
    }
}

package cn.hemeigrid.planning.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import cn.hemeigrid.system.RejectedRequestException;

class ShapefileArchiveTest {

    private static final byte[] CONTENT = {1, 2, 3};

    @Test
    void archiveRoundTrips() {
        ShapefileArchive written = new ShapefileArchive("grids", CONTENT, CONTENT, CONTENT, PrjCrs.CGCS2000_PRJ, "UTF-8");

        ShapefileArchive read = ShapefileArchive.read(written.write());

        assertThat(read.name()).isEqualTo("grids");
        assertThat(read.shp()).isEqualTo(CONTENT);
        assertThat(read.prj()).isEqualTo(PrjCrs.CGCS2000_PRJ);
        assertThat(read.cpg()).isEqualTo("UTF-8");
    }

    @Test
    void shapefileInFolderFoundIgnoringCase() throws IOException {
        byte[] zip = zip(Map.of("数据/网格.SHP", CONTENT, "数据/网格.dbf", CONTENT, "__MACOSX/数据/._网格.shp", CONTENT,
                "数据/说明.txt", CONTENT));

        ShapefileArchive read = ShapefileArchive.read(zip);

        assertThat(read.name()).isEqualTo("网格");
        assertThat(read.shx()).isNull();
        assertThat(read.prj()).isNull();
    }

    @Test
    void pathTraversalRejected() throws IOException {
        byte[] zip = zip(Map.of("../grids.shp", CONTENT, "grids.dbf", CONTENT));

        assertRejected(zip, "planning.import.zip-unsafe-name");
    }

    @Test
    void absolutePathRejected() throws IOException {
        assertRejected(zip(Map.of("/tmp/grids.shp", CONTENT)), "planning.import.zip-unsafe-name");
    }

    @Test
    void tooManyEntriesRejected() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i <= ShapefileArchive.MAX_ENTRIES; i++) {
            files.put("readme-" + i + ".txt", CONTENT);
        }

        assertRejected(zip(files), "planning.import.zip-too-many-entries");
    }

    @Test
    void missingPartsRejected() throws IOException {
        assertRejected(zip(Map.of("grids.dbf", CONTENT)), "planning.import.zip-no-shp");
        assertRejected(zip(Map.of("grids.shp", CONTENT, "other.dbf", CONTENT)), "planning.import.zip-no-dbf");
        assertRejected(zip(Map.of("a.shp", CONTENT, "b.shp", CONTENT)), "planning.import.zip-several-shp");
    }

    @Test
    void nonZipRejected() {
        assertRejected("{\"type\":\"FeatureCollection\"}".getBytes(StandardCharsets.UTF_8),
                "planning.import.zip-unreadable");
        assertRejected(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 9, 9, 9}, "planning.import.zip-unreadable");
    }

    @Test
    void truncatedArchiveRejected() throws IOException {
        byte[] zip = new ShapefileArchive("grids", new byte[4096], CONTENT, CONTENT, PrjCrs.CGCS2000_PRJ, "UTF-8").write();

        assertRejected(Arrays.copyOf(zip, 60), "planning.import.zip-unreadable");
    }

    @Test
    void skippedEntriesCountTowardsUnzippedLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int mb = 0; mb <= ShapefileArchive.MAX_UNZIPPED_MB; mb++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("grids.shp"));
            zip.write(CONTENT);
            zip.closeEntry();
        }

        assertRejected(out.toByteArray(), "planning.import.zip-too-large");
    }

    private static void assertRejected(byte[] zip, String messageKey) {
        assertThatThrownBy(() -> ShapefileArchive.read(zip))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected ->
                        assertThat(rejected.messageKey()).isEqualTo(messageKey));
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

package cn.hemeigrid.planning.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;

import cn.hemeigrid.system.RejectedRequestException;

class DbfTableTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void utf8TableRoundTrips() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("code", 15);
        columns.put("name", 254);
        columns.put("version", 0);

        byte[] dbf = DbfTable.write(columns, List.of(Arrays.asList("441302001001001", "桥东街道第一网格", 3)));
        DbfTable table = DbfTable.read(dbf, "UTF-8");

        assertThat(table.columns()).containsExactly("code", "name", "version");
        assertThat(table.rows().get(0)).containsEntry("name", "桥东街道第一网格").containsEntry("version", "3");
        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkTableWithoutCpgDetected() {
        byte[] dbf = gbkTable("东平社区第二网格");
        dbf[29] = 0;

        DbfTable table = DbfTable.read(dbf, null);

        assertThat(table.rows().get(0)).containsEntry("name", "东平社区第二网格");
        assertThat(table.charset()).isEqualTo(GBK);
    }

    @Test
    void cpgNamesCodePage() {
        byte[] dbf = gbkTable("西湖");

        assertThat(DbfTable.read(dbf, "936").rows().get(0)).containsEntry("name", "西湖");
        assertThat(DbfTable.read(dbf, "GBK\r\n").rows().get(0)).containsEntry("name", "西湖");
        assertThat(DbfTable.codePage("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(DbfTable.codePage("no such code page")).isNull();
    }

    @Test
    void gbkTableLabelledUtf8ReadAsGbk() {
        byte[] dbf = gbkTable("东平社区第三网格");
        dbf[29] = 0;

        DbfTable table = DbfTable.read(dbf, "UTF-8");

        assertThat(table.rows().get(0)).containsEntry("name", "东平社区第三网格");
        assertThat(table.charset()).isEqualTo(GBK);
    }

    @Test
    void cpgOfTwoByteCharsetIgnored() {
        Map<String, Integer> columns = Map.of("name", 60);
        byte[] dbf = DbfTable.write(columns, List.of(List.of("江北第一网格")));

        DbfTable table = DbfTable.read(dbf, "UTF-16");

        assertThat(table.rows().get(0)).containsEntry("name", "江北第一网格");
        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void numericCodeReadAsDigits() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DBFWriter writer = new DBFWriter(out, StandardCharsets.UTF_8);
        writer.setFields(new DBFField[] {new DBFField("CODE", DBFDataType.NUMERIC, 15, 0)});
        writer.addRecord(new Object[] {new BigDecimal("441302001001001")});
        writer.close();

        DbfTable table = DbfTable.read(out.toByteArray(), null);

        assertThat(table.rows().get(0)).containsEntry("CODE", "441302001001001");
    }

    @Test
    void longTextCutAtCharacterBoundary() {
        String name = "网".repeat(100);

        byte[] dbf = DbfTable.write(Map.of("name", 254), List.of(List.of(name)));

        assertThat(DbfTable.read(dbf, "UTF-8").rows().get(0).get("name")).isEqualTo("网".repeat(84));
    }

    @Test
    void deletedRowKeptAsNull() {
        byte[] dbf = DbfTable.write(Map.of("code", 15), List.of(List.of("first"), List.of("second")));
        int headerBytes = (dbf[8] & 0xFF) | (dbf[9] & 0xFF) << 8;
        dbf[headerBytes] = '*';

        DbfTable table = DbfTable.read(dbf, "UTF-8");

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).isNull();
        assertThat(table.rows().get(1)).containsEntry("code", "second");
    }

    @Test
    void foreignFileRejected() {
        assertThatThrownBy(() -> DbfTable.read("not a table".getBytes(StandardCharsets.US_ASCII), null))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected ->
                        assertThat(rejected.messageKey()).isEqualTo("planning.import.dbf-unreadable"));
    }

    private static byte[] gbkTable(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DBFWriter writer = new DBFWriter(out, GBK);
        writer.setFields(new DBFField[] {new DBFField("name", DBFDataType.CHARACTER, 60)});
        writer.addRecord(new Object[] {name});
        writer.close();
        return out.toByteArray();
    }
}

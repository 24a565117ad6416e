package cn.hemeigrid.planning.shapefile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import com.linuxense.javadbf.DBFWriter;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The .dbf attribute table of a Shapefile, read and written with javadbf. Text is decoded with
 * the code page named by the .cpg file, else with GBK when the .dbf header's language driver
 * is code page 936, else as UTF-8 when every value is valid UTF-8, else as GBK. GBK is the
 * fallback because Shapefiles made in China without a .cpg file are usually GBK. A .cpg code page that cannot
 * decode every value, or that is not ASCII-compatible (UTF-16, for example, which DBF files
 * cannot hold), is ignored like a missing .cpg file, so a GBK table labelled UTF-8 keeps its
 * Chinese names instead of replacement characters.
 *
 * @param columns the column names in file order
 * @param rows    one map per record from column name to text, null for a blank value; a
 *                record marked deleted is a null map, so that rows stay in step with the
 *                .shp records
 * @param charset the charset the text was decoded with
 */
public record DbfTable(List<String> columns, List<Map<String, String>> rows, Charset charset) {

    /** Most bytes a DBF character field holds. */
    public static final int MAX_TEXT_BYTES = 254;

    private static final Charset GBK = Charset.forName("GBK");

    /** Language driver ids of code page 936 (Simplified Chinese) in the DBF header's byte 29. */
    private static final List<Integer> GBK_LANGUAGE_DRIVERS = List.of(0x4D, 0x7A);

    /**
     * @param cpg the text of the .cpg file, or null without one
     * @throws RejectedRequestException 400 for a file that is not a DBF table
     */
    public static DbfTable read(byte[] dbf, String cpg) {
        List<String> columns = new ArrayList<>();
        List<Map<String, Object>> raw = new ArrayList<>();
        // ISO-8859-1 maps each byte to one char, so the bytes of every text value can be decoded below.
        try (DBFReader reader = new DBFReader(new ByteArrayInputStream(dbf), StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < reader.getFieldCount(); i++) {
                columns.add(reader.getField(i).getName());
            }
            Object[] record;
            while ((record = reader.nextRecord()) != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), record[i]);
                }
                raw.add(row);
            }
        } catch (DBFException | IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            throw RejectedRequestException.badRequest("planning.import.dbf-unreadable");
        }

        Charset charset = charset(dbf, cpg, raw);
        List<Map<String, String>> rows = new ArrayList<>(raw.size());
        int read = 0;
        for (boolean deleted : deletionFlags(dbf)) {
            if (deleted || read >= raw.size()) {
                rows.add(null);
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            raw.get(read++).forEach((column, value) -> row.put(column, text(value, charset)));
            rows.add(row);
        }
        return new DbfTable(List.copyOf(columns), rows, charset);
    }

    /**
     * Returns the deletion flag of every record from the DBF header and record bytes, because
     * javadbf skips deleted records and the n-th record belongs to the n-th .shp record.
     */
    private static boolean[] deletionFlags(byte[] dbf) {
        ByteBuffer header = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int records = Math.max(0, header.getInt(4));
        int headerBytes = header.getShort(8) & 0xFFFF;
        int recordBytes = header.getShort(10) & 0xFFFF;
        boolean[] deleted = new boolean[records];
        for (int i = 0; i < records; i++) {
            long flag = headerBytes + (long) i * recordBytes;
            deleted[i] = flag < dbf.length && dbf[(int) flag] == '*';
        }
        return deleted;
    }

    /**
     * Writes a UTF-8 table of text columns (at most {@value #MAX_TEXT_BYTES} bytes each) and
     * integer columns. Text longer than its column is cut at a character boundary.
     *
     * @param columns column names of at most 10 ASCII characters, each with its width in bytes,
     *                0 for an integer column
     */
    public static byte[] write(Map<String, Integer> columns, List<List<Object>> rows) {
        DBFField[] fields = columns.entrySet().stream()
                .map(column -> column.getValue() == 0
                        ? new DBFField(column.getKey(), DBFDataType.NUMERIC, 10, 0)
                        : new DBFField(column.getKey(), DBFDataType.CHARACTER, column.getValue()))
                .toArray(DBFField[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DBFWriter writer = new DBFWriter(out, StandardCharsets.UTF_8);
        writer.setFields(fields);
        for (List<Object> row : rows) {
            Object[] record = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                Object value = row.get(i);
                record[i] = value instanceof String text ? cut(text, fields[i].getLength())
                        : value instanceof Number number ? BigDecimal.valueOf(number.longValue()) : null;
            }
            writer.addRecord(record);
        }
        writer.close();
        return out.toByteArray();
    }

    private static Charset charset(byte[] dbf, String cpg, List<Map<String, Object>> rows) {
        Charset named = cpg == null ? null : codePage(cpg);
        if (named != null && asciiCompatible(named) && decodesEvery(rows, named)) {
            return named;
        }
        if (dbf.length > 29 && GBK_LANGUAGE_DRIVERS.contains(dbf[29] & 0xFF)) {
            return GBK;
        }
        return decodesEvery(rows, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : GBK;
    }

    private static boolean asciiCompatible(Charset charset) {
        return charset.canEncode()
                && Arrays.equals("code_42".getBytes(charset), "code_42".getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean decodesEvery(List<Map<String, Object>> rows, Charset charset) {
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                if (value instanceof String text && !decodes(text.getBytes(StandardCharsets.ISO_8859_1), charset)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Returns the charset of a .cpg file ("UTF-8", "936", "GBK", "GB18030" ...), null when unknown. */
    static Charset codePage(String cpg) {
        String name = cpg.strip().toUpperCase(Locale.ROOT);
        switch (name) {
            case "UTF-8", "UTF8", "65001" -> {
                return StandardCharsets.UTF_8;
            }
            case "936", "CP936", "ANSI 936", "GBK", "GB2312" -> {
                return GBK;
            }
            case "54936" -> {
                return Charset.forName("GB18030");
            }
            default -> {
                try {
                    return name.isEmpty() ? null : Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return null;
                }
            }
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException invalid) {
            return false;
        }
    }

    private static String text(Object value, Charset charset) {
        String text;
        if (value == null) {
            text = null;
        } else if (value instanceof String raw) {
            text = new String(raw.getBytes(StandardCharsets.ISO_8859_1), charset);
        } else if (value instanceof BigDecimal number) {
            text = number.stripTrailingZeros().toPlainString();
        } else {
            text = value.toString();
        }
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String cut(String text, int maxBytes) {
        int end = text.length();
        while (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            end = Character.isLowSurrogate(text.charAt(end - 1)) && end > 1 ? end - 2 : end - 1;
        }
        return text.substring(0, end);
    }
}

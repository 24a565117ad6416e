package cn.hemeigrid.indicators;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes indicators as RFC 4180 CSV with a Chinese header, encoded as UTF-8 behind a byte order
 * mark. Rates are fractions with 4 decimals, minutes have 1 decimal, satisfaction has 2, and null
 * values are empty.
 */
final class IndicatorCsv {

    static final String HEADER = "代码,名称,立案数,应结案数,结案数,按期结案数,返工数,结案率,按期结案率,返工率,"
            + "平均受理用时（分钟）,平均结案用时（分钟）,满意度";

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private IndicatorCsv() {
    }

    static byte[] write(List<UnitIndicators> units) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK).append(HEADER).append("\r\n");
        for (UnitIndicators unit : units) {
            csv.append(String.join(",",
                    field(unit.code()),
                    field(unit.name()),
                    Long.toString(unit.filed()),
                    Long.toString(unit.due()),
                    Long.toString(unit.closed()),
                    Long.toString(unit.closedOnTime()),
                    Long.toString(unit.reopened()),
                    decimal(unit.closureRate(), 4),
                    decimal(unit.onTimeRate(), 4),
                    decimal(unit.reworkRate(), 4),
                    decimal(unit.averageMinutesToAccept(), 1),
                    decimal(unit.averageMinutesToClose(), 1),
                    decimal(unit.satisfaction(), 2)));
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Quotes a text field when it contains a comma, quote or line break, doubling inner quotes.
     * A field starting with =, +, -, @, tab or carriage return gets a leading apostrophe, so
     * that Excel shows a grid or worker name such as {@code =HYPERLINK(...)} as text instead of
     * running it as a formula.
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String decimal(Double value, int decimals) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

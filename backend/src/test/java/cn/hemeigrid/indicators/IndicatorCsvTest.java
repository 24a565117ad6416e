package cn.hemeigrid.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text fields of the indicator CSV file: quoting, and names that a spreadsheet would run as formulas. */
class IndicatorCsvTest {

    @Test
    void plainNameStaysAsItIs() {
        assertThat(IndicatorCsv.field("东湖社区第1网格")).isEqualTo("东湖社区第1网格");
    }

    @Test
    void nameWithCommaIsQuoted() {
        assertThat(IndicatorCsv.field("甲,乙\"丙\"")).isEqualTo("\"甲,乙\"\"丙\"\"\"");
    }

    @Test
    void formulaNamesBecomeText() {
        assertThat(IndicatorCsv.field("=HYPERLINK(\"http://127.0.0.1/\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://127.0.0.1/\"\")\"");
        assertThat(IndicatorCsv.field("+1")).isEqualTo("'+1");
        assertThat(IndicatorCsv.field("-1")).isEqualTo("'-1");
        assertThat(IndicatorCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(IndicatorCsv.field("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void nullIsEmpty() {
        assertThat(IndicatorCsv.field(null)).isEmpty();
        assertThat(IndicatorCsv.field("")).isEmpty();
    }
}

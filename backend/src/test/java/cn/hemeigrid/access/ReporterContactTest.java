package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReporterContactTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13812345678      | 138****5678
            +86 13812345678  | +86****5678
            0752-12345678    | 075****5678
            12345678         | ****78
            1234567          | ****67
            123456           | ****
            王先生13812345678 | 王先生****5678
            """)
    void masksTheMiddle(String contact, String masked) {
        assertThat(ReporterContact.masked(contact)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13812345678
            0752-12345678
            """)
    void maskedHidesTheMiddleDigits(String contact) {
        assertThat(ReporterContact.masked(contact)).doesNotContain("1234");
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertThat(ReporterContact.masked(null)).isNull();
    }
}

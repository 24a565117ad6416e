package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void codesAreSixteenCrockfordCharacters() {
        for (int i = 0; i < 1000; i++) {
            assertThat(TrackingCodes.next()).matches("[0-9A-HJKMNP-TV-Z]{16}");
        }
    }

    @Test
    void codesDoNotRepeatInLargeSample() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TrackingCodes.next());
        }

        assertThat(seen).hasSize(100_000);
    }

    @Test
    void typedCodeIsNormalised() {
        assertThat(TrackingCodes.normalise(" v5h5-jc03 avfr-wk63 ")).isEqualTo("V5H5JC03AVFRWK63");
    }

    @Test
    void lettersReadAsDigitsAreCorrected() {
        assertThat(TrackingCodes.normalise("3HBRWT91M7SVF1ZO")).isEqualTo("3HBRWT91M7SVF1Z0");
        assertThat(TrackingCodes.normalise("IHBRWT9LM7SVF1Z0")).isEqualTo("1HBRWT91M7SVF1Z0");
    }

    @Test
    void impossibleCodeNormalisesToNull() {
        assertThat(TrackingCodes.normalise("V5H5JC03AVFRWK6")).isNull();
        assertThat(TrackingCodes.normalise("U5H5JC03AVFRWK63")).isNull();
        assertThat(TrackingCodes.normalise("../../etc/passwd")).isNull();
        assertThat(TrackingCodes.normalise(null)).isNull();
    }
}

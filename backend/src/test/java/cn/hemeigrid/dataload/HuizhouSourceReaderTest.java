package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.hemeigrid.dataload.HuizhouSources.SurveyedCentre;

class HuizhouSourceReaderTest {

    private static final List<String> FILES = List.of(HuizhouSourceReader.COUNTIES_FILE,
            HuizhouSourceReader.CENTRES_FILE, HuizhouSourceReader.TOWNSHIPS_FILE, HuizhouSourceReader.VILLAGES_FILE);

    @Test
    void classpathCopyHasAllUnits() {
        HuizhouSources sources = HuizhouSourceReader.fromClasspath().read();

        assertThat(sources.city().code()).isEqualTo("441300000000");
        assertThat(sources.counties()).extracting(HuizhouSources.County::code).containsExactlyInAnyOrder(
                "441302000000", "441303000000", "441322000000", "441323000000", "441324000000");
        assertThat(sources.townships()).hasSize(84);
        assertThat(sources.villages()).hasSize(1364);
        assertThat(sources.centres()).hasSize(162);
    }

    @Test
    void centresAreConvertedFromGcj02() {
        HuizhouSources sources = HuizhouSourceReader.fromClasspath().read();

        SurveyedCentre qiaodong = sources.centres().stream()
                .filter(centre -> centre.code().equals("441302001000")).findFirst().orElseThrow();

        // The file has GCJ-02 (114.419701, 23.085829). GCJ-02 lies about 0.0050 degrees east
        // and 0.0025 degrees south of CGCS2000 here, so the converted point is north-west of it.
        assertThat(qiaodong.at().x).isCloseTo(114.4147332, within(1e-7));
        assertThat(qiaodong.at().y).isCloseTo(23.0883358, within(1e-7));
    }

    @Test
    void directoryOverrideReadsSameFiles(@TempDir Path directory) throws IOException {
        copyFiles(directory);

        HuizhouSources sources = HuizhouSourceReader.fromDirectory(directory).read();

        assertThat(sources.villages()).hasSize(1364);
        assertThat(sources.city().outline().equalsExact(HuizhouSourceReader.fromClasspath().read().city().outline()))
                .isTrue();
    }

    @Test
    void repeatedVillageCodeIsRejected(@TempDir Path directory) throws IOException {
        copyFiles(directory);
        Files.writeString(directory.resolve(HuizhouSourceReader.VILLAGES_FILE),
                "441302001001,东湖社区居委会,441302001,桥东街道,441302,惠城区,441300,惠州市\n",
                StandardOpenOption.APPEND);

        assertThatThrownBy(() -> HuizhouSourceReader.fromDirectory(directory).read())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("villages-2023.csv: code 441302001001 appears more than once");
    }

    @Test
    void directoryWithoutFilesIsRejectedWithPath(@TempDir Path directory) {
        assertThatThrownBy(() -> HuizhouSourceReader.fromDirectory(directory).read())
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("Missing file " + directory.resolve(HuizhouSourceReader.COUNTIES_FILE).toAbsolutePath()
                        + "; hemei.data.dir must name a folder with the four gis-data files");
    }

    private void copyFiles(Path directory) throws IOException {
        for (String name : FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("gis-data/" + name)) {
                Files.copy(in, directory.resolve(name));
            }
        }
    }
}

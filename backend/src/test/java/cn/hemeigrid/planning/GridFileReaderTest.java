package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.hemeigrid.system.RejectedRequestException;

class GridFileReaderTest {

    private static final byte[] NOT_A_ZIP = "not a zip".getBytes(StandardCharsets.UTF_8);

    @Test
    void shapefileRejectedWhileReadsBusy() {
        GridFileReader reader = new GridFileReader(null, new Semaphore(0), Duration.ofMillis(10));

        assertThatThrownBy(() -> reader.read(NOT_A_ZIP, StandardCharsets.UTF_8, "shp", null))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(rejected.messageKey()).isEqualTo("planning.import.shapefile-busy");
                });
    }

    @Test
    void shapefileReadReleasesItsPermit() {
        Semaphore reads = new Semaphore(1);
        GridFileReader reader = new GridFileReader(null, reads, Duration.ofMillis(10));

        assertThatThrownBy(() -> reader.read(NOT_A_ZIP, StandardCharsets.UTF_8, "shp", null))
                .isInstanceOfSatisfying(RejectedRequestException.class, rejected ->
                        assertThat(rejected.messageKey()).isEqualTo("planning.import.zip-unreadable"));
        assertThat(reads.availablePermits()).isEqualTo(1);
    }
}

package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImportJobTest {

    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void newJobIsQueued() {
        ImportJob.View view = new ImportJob("shp", false, START).view();

        assertThat(view.state()).isEqualTo("queued");
        assertThat(view.phase()).isEqualTo("queued");
        assertThat(view.featuresTotal()).isNull();
        assertThat(view.report()).isNull();
    }

    @Test
    void progressCountsFeatures() {
        ImportJob job = new ImportJob("geojson", true, START);

        job.reading();
        ImportJob.View reading = job.view();
        job.read(40);
        job.checked(12);
        ImportJob.View checking = job.view();
        job.storing();
        ImportJob.View storing = job.view();

        assertThat(reading.state()).isEqualTo("running");
        assertThat(reading.phase()).isEqualTo("reading");
        assertThat(checking.phase()).isEqualTo("checking");
        assertThat(checking.featuresRead()).isEqualTo(40);
        assertThat(checking.featuresTotal()).isEqualTo(40);
        assertThat(checking.featuresChecked()).isEqualTo(12);
        assertThat(storing.phase()).isEqualTo("storing");
    }

    @Test
    void finishedJobKeepsResult() {
        ImportJob done = new ImportJob("csv", false, START);
        ImportJob failed = new ImportJob("csv", false, START);
        GridImport.Report report = new GridImport.Report(true, false, List.of(), Map.of(), List.of(), "cgcs2000", null);

        done.done(report, START.plusSeconds(5));
        failed.failed(Map.of("status", 400), START.plusSeconds(6));

        assertThat(done.view().state()).isEqualTo("finished");
        assertThat(done.view().phase()).isEqualTo("done");
        assertThat(done.view().report()).isSameAs(report);
        assertThat(failed.view().phase()).isEqualTo("failed");
        assertThat(failed.view().problem()).containsEntry("status", 400);
        assertThat(done.finishedBefore(START.plusSeconds(6))).isTrue();
        assertThat(failed.finishedBefore(START.plusSeconds(6))).isFalse();
    }
}

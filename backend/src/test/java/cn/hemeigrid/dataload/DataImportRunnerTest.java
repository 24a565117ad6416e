package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import cn.hemeigrid.incident.DemoIncidents;

class DataImportRunnerTest {

    private final HuizhouDataImport dataImport = mock(HuizhouDataImport.class);
    private final DemoIncidents demoIncidents = mock(DemoIncidents.class);

    @Test
    void importCommandOverridesStartSetting() {
        DataImportRunner runner = new DataImportRunner(new DataImportProperties(false, null, true), dataImport, demoIncidents,
                new DefaultApplicationArguments());

        runner.run(new DefaultApplicationArguments("import"));

        verify(dataImport).importIfEmpty();
    }

    @Test
    void startImportRunsImportWithoutCommand() {
        DataImportRunner runner = new DataImportRunner(new DataImportProperties(true, null, true), dataImport, demoIncidents,
                new DefaultApplicationArguments());

        runner.run(new DefaultApplicationArguments("--server.port=0"));

        verify(dataImport).importIfEmpty();
    }

    @Test
    void noCommandAndStartImportOffSkipsImport() {
        DataImportRunner runner = new DataImportRunner(new DataImportProperties(false, null, true), dataImport, demoIncidents,
                new DefaultApplicationArguments());

        runner.run(new DefaultApplicationArguments());

        verify(dataImport, never()).importIfEmpty();
    }

    @Test
    void freshImportAddsDemoIncidents() {
        when(dataImport.importIfEmpty()).thenReturn(Optional.of(new ImportSummary(1, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO)));
        DataImportRunner runner = new DataImportRunner(new DataImportProperties(true, null, true), dataImport, demoIncidents,
                new DefaultApplicationArguments());

        runner.run(new DefaultApplicationArguments());

        verify(demoIncidents).addIfNoIncidents();
    }

    @Test
    void demoIncidentsCanBeTurnedOff() {
        when(dataImport.importIfEmpty()).thenReturn(Optional.of(new ImportSummary(1, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO)));
        DataImportRunner runner = new DataImportRunner(new DataImportProperties(true, null, false), dataImport,
                demoIncidents, new DefaultApplicationArguments());

        runner.run(new DefaultApplicationArguments());

        verify(demoIncidents, never()).addIfNoIncidents();
    }

    @Test
    void loadedDatabaseGetsNoDemoIncidents() {
        DataImportRunner runner = new DataImportRunner(new DataImportProperties(true, null, true), dataImport, demoIncidents,
                new DefaultApplicationArguments());

        runner.run(new DefaultApplicationArguments());

        verify(demoIncidents, never()).addIfNoIncidents();
    }

    @Test
    void importCommandIsNonOptionArgument() {
        assertThat(DataImportRunner.isImportCommand("import")).isTrue();
        assertThat(DataImportRunner.isImportCommand("--spring.profiles.active=prod", "import")).isTrue();
        assertThat(DataImportRunner.isImportCommand("--import")).isFalse();
        assertThat(DataImportRunner.isImportCommand()).isFalse();
    }
}

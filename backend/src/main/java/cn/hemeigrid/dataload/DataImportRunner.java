package cn.hemeigrid.dataload;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.stereotype.Component;

import cn.hemeigrid.incident.DemoIncidents;

/**
 * Runs the gis-data import on start-up when {@code hemei.data.import-on-start} is true, or
 * when the command line contains the argument {@code import} ({@code java -jar hemei-grid.jar
 * import}). In the latter case the application starts without a web server and exits after
 * the import; see {@code HemeiGridApplication}. A fresh import is followed by the generated
 * demonstration incidents.
 */
@Component
public class DataImportRunner implements ApplicationRunner {

    public static final String IMPORT_COMMAND = "import";

    private final DataImportProperties properties;
    private final HuizhouDataImport dataImport;
    private final DemoIncidents demoIncidents;

    DataImportRunner(DataImportProperties properties, HuizhouDataImport dataImport, DemoIncidents demoIncidents) {
        this.properties = properties;
        this.dataImport = dataImport;
        this.demoIncidents = demoIncidents;
    }

    /** Returns true when the arguments contain {@code import} as a non-option argument. */
    public static boolean isImportCommand(String... args) {
        return new DefaultApplicationArguments(args).getNonOptionArgs().contains(IMPORT_COMMAND);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importOnStart() || args.getNonOptionArgs().contains(IMPORT_COMMAND)) {
            if (dataImport.importIfEmpty().isPresent()) {
                demoIncidents.addIfNoIncidents();
            }
        }
    }
}

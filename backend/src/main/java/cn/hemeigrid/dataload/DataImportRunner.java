package cn.hemeigrid.dataload;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * Runs the gis-data import on start-up when {@code hemei.data.import-on-start} is true, or
 * when the command line contains the argument {@code import} ({@code java -jar hemei-grid.jar
 * import}). In the latter case the application starts without a web server and exits after
 * the import; see {@code HemeiGridApplication}.
 */
@Component
public class DataImportRunner implements ApplicationRunner {

    public static final String IMPORT_COMMAND = "import";

    private final DataImportProperties properties;
    private final HuizhouDataImport dataImport;

    DataImportRunner(DataImportProperties properties, HuizhouDataImport dataImport) {
        this.properties = properties;
        this.dataImport = dataImport;
    }

    /** Returns true when the arguments contain {@code import} as a non-option argument. */
    public static boolean isImportCommand(String... args) {
        return new DefaultApplicationArguments(args).getNonOptionArgs().contains(IMPORT_COMMAND);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importOnStart() || args.getNonOptionArgs().contains(IMPORT_COMMAND)) {
            dataImport.importIfEmpty();
        }
    }
}

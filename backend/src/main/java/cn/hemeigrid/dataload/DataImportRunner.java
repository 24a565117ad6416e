package cn.hemeigrid.dataload;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.hemeigrid.incident.DemoIncidents;

/**
 * Runs the gis-data import on start-up when {@code hemei.data.import-on-start} is true, or
 * when the command line contains the argument {@code import} ({@code java -jar hemei-grid.jar
 * import}). In the latter case the application starts without a web server and exits after
 * the import; see {@code HemeiGridApplication}. A fresh import is followed by the generated
 * demonstration incidents unless {@code hemei.data.demo-incidents} is false.
 *
 * <p>The import runs as the first lifecycle phase, before the web server accepts requests, so
 * no request is served from a half-loaded database.
 */
@Component
public class DataImportRunner implements SmartLifecycle {

    public static final String IMPORT_COMMAND = "import";

    private final DataImportProperties properties;
    private final HuizhouDataImport dataImport;
    private final DemoIncidents demoIncidents;
    private final ApplicationArguments arguments;
    private volatile boolean running;

    DataImportRunner(DataImportProperties properties, HuizhouDataImport dataImport, DemoIncidents demoIncidents,
                     ApplicationArguments arguments) {
        this.properties = properties;
        this.dataImport = dataImport;
        this.demoIncidents = demoIncidents;
        this.arguments = arguments;
    }

    /** Returns true when the arguments contain {@code import} as a non-option argument. */
    public static boolean isImportCommand(String... args) {
        return new DefaultApplicationArguments(args).getNonOptionArgs().contains(IMPORT_COMMAND);
    }

    @Override
    public void start() {
        run(arguments);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    void run(ApplicationArguments args) {
        if (properties.importOnStart() || args.getNonOptionArgs().contains(IMPORT_COMMAND)) {
            if (dataImport.importIfEmpty().isPresent() && properties.demoIncidents()) {
                demoIncidents.addIfNoIncidents();
            }
        }
    }
}

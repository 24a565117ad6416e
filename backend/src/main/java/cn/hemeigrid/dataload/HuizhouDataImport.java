package cn.hemeigrid.dataload;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hemeigrid.dataload.CentreMatcher.SetAsideCentre;

/**
 * Loads gis-data/ into a database that has no administrative units yet: the real city and
 * county outlines, and the generated townships, villages, grids, teams and facilities.
 *
 * <p>The check and the import run in one transaction under a PostgreSQL advisory lock, so when
 * several servers start at once on one database exactly one of them imports and the others
 * wait, then find the data and skip. A failed import rolls back and leaves the tables empty.
 */
@Component
public class HuizhouDataImport {

    /** Key of the transaction-level advisory lock around check and import: the ASCII of "hemei", then 01. */
    static final long ADVISORY_LOCK_KEY = 0x68656d656901L;

    private static final Logger log = LoggerFactory.getLogger(HuizhouDataImport.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DataImportProperties properties;

    HuizhouDataImport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      DataImportProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /**
     * Imports gis-data/ unless the database already has administrative units.
     *
     * @return what was written, or empty if the database was not empty
     */
    public Optional<ImportSummary> importIfEmpty() {
        long started = System.nanoTime();
        Optional<ImportSummary> summary = transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> { }, ADVISORY_LOCK_KEY);
            Integer existing = jdbc.queryForObject("SELECT count(*) FROM administrative_unit", Integer.class);
            if (existing != null && existing > 0) {
                log.info("Skipped gis-data import: the database already has {} administrative units", existing);
                return Optional.<ImportSummary>empty();
            }

            log.info("Importing gis-data from {} into the empty database", sourceDescription());
            HuizhouDataset dataset = HuizhouDatasetGenerator.generate(reader().read(), departmentCodes());
            for (SetAsideCentre centre : dataset.setAsideCentres()) {
                log.info("Did not use the 2016 centre of {} ({}): {}", centre.name(), centre.code(), centre.reason());
            }
            new DatasetWriter(jdbc).write(dataset);
            return Optional.of(ImportSummary.of(dataset, Duration.ofNanos(System.nanoTime() - started)));
        });

        summary.ifPresent(done -> log.info("Imported gis-data in {} ms: {} administrative units ({} townships, {} villages), "
                        + "{} basic and {} dedicated grids, {} grid workers with {} assignments, {} facilities",
                done.duration().toMillis(), done.administrativeUnits(), done.townships(), done.villages(),
                done.basicGrids(), done.dedicatedGrids(), done.workers(), done.assignments(), done.facilities()));
        return summary;
    }

    /** Departments named by the matter catalogue; each gets a professional grid worker per township. */
    private List<String> departmentCodes() {
        return jdbc.queryForList("SELECT DISTINCT department_code FROM matter_category ORDER BY department_code",
                String.class);
    }

    private HuizhouSourceReader reader() {
        if (properties.dir() == null) {
            return HuizhouSourceReader.fromClasspath();
        }
        return HuizhouSourceReader.fromDirectory(properties.dir());
    }

    private String sourceDescription() {
        return properties.dir() == null ? "the classpath" : properties.dir().toAbsolutePath().toString();
    }
}

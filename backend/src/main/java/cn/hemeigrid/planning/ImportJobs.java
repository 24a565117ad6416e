package cn.hemeigrid.planning;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Runs grid imports in the background, one at a time, so that a large file is read and checked
 * while the page polls its progress. At most {@value #MAX_WAITING} imports wait behind the
 * running one. A finished job is kept in memory for {@link #KEPT}, and the oldest are dropped
 * sooner when more than {@value #MAX_KEPT} are finished. A server restart loses every job.
 */
@Service
class ImportJobs {

    static final int MAX_WAITING = 8;
    static final int MAX_KEPT = 100;
    static final Duration KEPT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), work -> {
                Thread thread = new Thread(work, "grid-import");
                thread.setDaemon(true);
                return thread;
            });
    private final GridFileReader reader;
    private final GridImport gridImport;
    private final PlanningJurisdiction jurisdictionCheck;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    ImportJobs(GridFileReader reader, GridImport gridImport, PlanningJurisdiction jurisdictionCheck,
               MessageSource messages) {
        this.reader = reader;
        this.jurisdictionCheck = jurisdictionCheck;
        this.gridImport = gridImport;
        this.messages = messages;
    }

    /**
     * Queues an import whose messages will be in the locale of the request and whose features must
     * lie inside the jurisdiction given.
     *
     * @throws RejectedRequestException 429 when {@value #MAX_WAITING} imports are already waiting
     */
    ImportJob.View submit(ImportRequest request, Jurisdiction jurisdiction) {
        forgetOldJobs();
        ImportJob job = new ImportJob(request.format(), request.commit(), clock.instant());
        Locale locale = LocaleContextHolder.getLocale();
        jobs.put(job.id(), job);
        try {
            executor.execute(() -> run(job, request, jurisdiction, locale));
        } catch (RejectedExecutionException full) {
            jobs.remove(job.id());
            log.warn("Rejected import job {}: {} imports are waiting", job.id(), MAX_WAITING);
            throw new RejectedRequestException(HttpStatus.TOO_MANY_REQUESTS, "planning.import.jobs-busy", MAX_WAITING);
        }
        log.info("Queued import job {}: format {}, {} bytes, commit {}", job.id(), request.format(),
                request.body().length, request.commit());
        return job.view();
    }

    Optional<ImportJob.View> find(UUID id) {
        return Optional.ofNullable(jobs.get(id)).map(ImportJob::view);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    // The job thread has no request state, so the request's locale and jurisdiction are passed in.
    private void run(ImportJob job, ImportRequest request, Jurisdiction jurisdiction, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        try {
            job.reading();
            GridFileReader.FileContent content = reader.read(request.body(), request.charset(), request.format(),
                    request.crs());
            jurisdictionCheck.requireFeatures(jurisdiction, content.features());
            job.read(content.features().size());
            GridImport.Report report = request.commit() ? gridImport.commit(content.features(), job)
                    : gridImport.dryRun(content.features(), job);
            job.done(report.withCrs(content.crs(), content.fileCrs()), clock.instant());
            log.info("Finished import job {}: {} features, valid {}, {} grids stored", job.id(),
                    content.features().size(), report.valid(), report.created().size());
        } catch (RejectedRequestException rejected) {
            job.failed(problem(rejected, locale), clock.instant());
            log.info("Import job {} rejected: {}", job.id(), rejected.messageKey());
        } catch (RuntimeException failed) {
            log.error("Import job {} failed", job.id(), failed);
            job.failed(problem(new RejectedRequestException(HttpStatus.INTERNAL_SERVER_ERROR,
                    "planning.import.job-failed"), locale), clock.instant());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** Builds the same problem details that a synchronous request would have received. */
    private Map<String, Object> problem(RejectedRequestException rejected, Locale locale) {
        HttpStatus status = rejected.status();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("urn:hemei-grid:problem:" + rejected.messageKey()).toString());
        problem.put("title", messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(rejected.messageKey(), rejected.messageArguments(), locale));
        problem.putAll(rejected.properties());
        return problem;
    }

    private void forgetOldJobs() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> job.finishedBefore(cutoff));
        List<ImportJob.View> finished = jobs.values().stream().map(ImportJob::view)
                .filter(view -> view.finishedAt() != null)
                .sorted(Comparator.comparing(ImportJob.View::finishedAt))
                .toList();
        for (int i = 0; i < finished.size() - MAX_KEPT; i++) {
            jobs.remove(finished.get(i).id());
        }
    }
}

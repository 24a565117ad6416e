package cn.hemeigrid.planning;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One grid import run in the background, with its progress. The import thread changes it and
 * request threads read {@link #view()}, so every method is synchronized.
 */
final class ImportJob implements ImportProgress {

    /** The step a job is at, shown in lower case. */
    enum Phase { QUEUED, READING, CHECKING, STORING, DONE, FAILED }

    /**
     * The job's state as the client polls it.
     *
     * @param state   {@code queued}, {@code running} or {@code finished}
     * @param report  the dry-run report or commit result once done, else null
     * @param problem the problem details of a failed job (the file could not be read, or a
     *                commit was rejected), else null
     */
    record View(UUID id, String state, String phase, String format, boolean commit, int featuresRead,
                int featuresChecked, Integer featuresTotal, GridImport.Report report, Map<String, Object> problem,
                Instant createdAt, Instant finishedAt) {
    }

    private final UUID id = UUID.randomUUID();
    private final String format;
    private final boolean commit;
    private final Instant createdAt;
    private Phase phase = Phase.QUEUED;
    private int featuresRead;
    private int featuresChecked;
    private Integer featuresTotal;
    private GridImport.Report report;
    private Map<String, Object> problem;
    private Instant finishedAt;

    ImportJob(String format, boolean commit, Instant createdAt) {
        this.format = format;
        this.commit = commit;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    synchronized void reading() {
        phase = Phase.READING;
    }

    @Override
    public synchronized void read(int features) {
        featuresRead = features;
        featuresTotal = features;
        phase = Phase.CHECKING;
    }

    @Override
    public synchronized void checked(int features) {
        featuresChecked = features;
    }

    @Override
    public synchronized void storing() {
        phase = Phase.STORING;
    }

    synchronized void done(GridImport.Report result, Instant at) {
        report = result;
        phase = Phase.DONE;
        finishedAt = at;
    }

    synchronized void failed(Map<String, Object> problemDetails, Instant at) {
        problem = problemDetails;
        phase = Phase.FAILED;
        finishedAt = at;
    }

    synchronized boolean finishedBefore(Instant at) {
        return finishedAt != null && finishedAt.isBefore(at);
    }

    synchronized View view() {
        String state = switch (phase) {
            case QUEUED -> "queued";
            case DONE, FAILED -> "finished";
            default -> "running";
        };
        return new View(id, state, phase.name().toLowerCase(java.util.Locale.ROOT), format, commit, featuresRead,
                featuresChecked, featuresTotal, report, problem, createdAt, finishedAt);
    }
}

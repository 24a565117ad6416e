package cn.hemeigrid.planning;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Grid imports as background jobs, for files up to {@code hemei.http.max-upload-size}: the
 * upload returns 202 with the job, whose progress and result the client then polls.
 */
@RestController
class ImportJobController {

    private final ImportJobs jobs;
    private final CurrentJurisdiction currentJurisdiction;

    ImportJobController(ImportJobs jobs, CurrentJurisdiction currentJurisdiction) {
        this.jobs = jobs;
        this.currentJurisdiction = currentJurisdiction;
    }

    /** Queues the dry run or commit of a file, with the parameters of {@code POST /api/v1/planning/import}. */
    @PostMapping("/api/v1/planning/imports")
    ResponseEntity<ImportJob.View> submit(@RequestParam(required = false) String format,
                                          @RequestParam(required = false) String crs,
                                          @RequestParam(defaultValue = "false") String commit,
                                          HttpEntity<byte[]> request) {
        ImportJob.View job = jobs.submit(ImportRequest.of(format, crs, commit, request),
                currentJurisdiction.get());
        return ResponseEntity.accepted().location(URI.create("/api/v1/planning/imports/" + job.id())).body(job);
    }

    @GetMapping("/api/v1/planning/imports/{id}")
    ImportJob.View job(@PathVariable String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException invalid) {
            throw RejectedRequestException.notFound("planning.import.job-not-found", id);
        }
        return jobs.find(parsed).orElseThrow(() -> RejectedRequestException.notFound("planning.import.job-not-found", id));
    }
}

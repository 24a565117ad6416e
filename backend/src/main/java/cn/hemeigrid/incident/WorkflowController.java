package cn.hemeigrid.incident;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;

/**
 * The staff side of the workflow, addressed by incident id, limited to the caller's
 * jurisdiction: an incident outside it gets the same 404 as a missing one, for reading and for
 * every step. Residents use the tracking code instead (see {@link IncidentController}).
 *
 * <p>Every step is recorded under the signed-in account. The URL rules admit the staff roles,
 * and {@code WorkflowRoles} then checks the role against the requested action.
 */
@RestController
class WorkflowController {

    private final IncidentWorkflow workflow;
    private final CurrentJurisdiction currentJurisdiction;

    WorkflowController(IncidentWorkflow workflow, CurrentJurisdiction currentJurisdiction) {
        this.workflow = workflow;
        this.currentJurisdiction = currentJurisdiction;
    }

    /** Takes one workflow step; 409 when the current state does not allow it. */
    @PostMapping("/api/v1/incidents/{id}/transitions")
    WorkflowView transition(@PathVariable long id, @RequestBody IncidentWorkflow.TransitionRequest request) {
        return workflow.apply(currentJurisdiction.get(), id, request);
    }

    /** Lists every step the incident went through, oldest first. */
    @GetMapping("/api/v1/incidents/{id}/transitions")
    List<WorkflowView.HistoryEntry> history(@PathVariable long id) {
        return workflow.view(currentJurisdiction.get(), id).history();
    }

    /** Shows the incident's state, owner, deadlines, allowed actions, summons and history. */
    @GetMapping("/api/v1/incidents/{id}/workflow")
    WorkflowView view(@PathVariable long id) {
        return workflow.view(currentJurisdiction.get(), id);
    }

    /** Summons departments (吹哨报到); 201 with the updated view. */
    @PostMapping("/api/v1/incidents/{id}/summons")
    ResponseEntity<WorkflowView> summon(@PathVariable long id, @RequestBody IncidentWorkflow.SummonsRequest request) {
        WorkflowView view = workflow.summon(currentJurisdiction.get(), id, request);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/workflow")).body(view);
    }

    /** Records a summoned department's answer (报到). */
    @PostMapping("/api/v1/incidents/{id}/summons/{summonsId}/answer")
    WorkflowView answer(@PathVariable long id, @PathVariable long summonsId,
                        @RequestBody IncidentWorkflow.AnswerRequest request) {
        return workflow.answerSummons(currentJurisdiction.get(), id, summonsId, request);
    }
}

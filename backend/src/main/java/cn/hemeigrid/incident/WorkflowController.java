package cn.hemeigrid.incident;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff side of the workflow, addressed by incident id. Residents use the tracking code
 * instead (see {@link IncidentController}).
 *
 * <p>Every step is recorded under the signed-in account. The URL rules admit the staff roles,
 * and {@code WorkflowRoles} then checks the role against the requested action.
 */
@RestController
class WorkflowController {

    private final IncidentWorkflow workflow;

    WorkflowController(IncidentWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Takes one workflow step; 409 when the current state does not allow it. */
    @PostMapping("/api/v1/incidents/{id}/transitions")
    WorkflowView transition(@PathVariable long id, @RequestBody IncidentWorkflow.TransitionRequest request) {
        return workflow.apply(id, request);
    }

    /** Lists every step the incident went through, oldest first. */
    @GetMapping("/api/v1/incidents/{id}/transitions")
    List<WorkflowView.HistoryEntry> history(@PathVariable long id) {
        return workflow.view(id).history();
    }

    /** Shows the incident's state, owner, deadlines, allowed actions, summons and history. */
    @GetMapping("/api/v1/incidents/{id}/workflow")
    WorkflowView view(@PathVariable long id) {
        return workflow.view(id);
    }

    /** Summons departments (吹哨报到); 201 with the updated view. */
    @PostMapping("/api/v1/incidents/{id}/summons")
    ResponseEntity<WorkflowView> summon(@PathVariable long id, @RequestBody IncidentWorkflow.SummonsRequest request) {
        WorkflowView view = workflow.summon(id, request);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/workflow")).body(view);
    }

    /** Records a summoned department's answer (报到). */
    @PostMapping("/api/v1/incidents/{id}/summons/{summonsId}/answer")
    WorkflowView answer(@PathVariable long id, @PathVariable long summonsId,
                        @RequestBody IncidentWorkflow.AnswerRequest request) {
        return workflow.answerSummons(id, summonsId, request);
    }
}

package cn.hemeigrid.planning.team;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.planning.PlanningJurisdiction;
import cn.hemeigrid.system.Labels;

/**
 * Grid teams and professional grid workers. A grid or village/community outside the caller's
 * jurisdiction gets 403. NOTE: the register of workers is city-wide and not limited, because a
 * department's professional grid worker serves grids in many units.
 */
@RestController
class TeamController {

    private final TeamPlanning teams;
    private final Labels labels;
    private final PlanningJurisdiction jurisdictionCheck;
    private final CurrentJurisdiction currentJurisdiction;

    TeamController(TeamPlanning teams, Labels labels, PlanningJurisdiction jurisdictionCheck,
                   CurrentJurisdiction currentJurisdiction) {
        this.teams = teams;
        this.labels = labels;
        this.jurisdictionCheck = jurisdictionCheck;
        this.currentJurisdiction = currentJurisdiction;
    }

    record MemberView(long workerId, String name, String role, String roleName, String departmentCode,
                      String departmentName) {
    }

    record TeamView(String gridCode, List<MemberView> members) {
    }

    @GetMapping("/api/v1/planning/grids/{code}/team")
    TeamView team(@PathVariable String code) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(code, teams.team(code));
    }

    record TeamRequest(List<TeamPlanning.MemberRequest> members) {
    }

    /** Replaces the team of a grid; an empty list of members clears it. */
    @PutMapping("/api/v1/planning/grids/{code}/team")
    TeamView replaceTeam(@PathVariable String code, @RequestBody TeamRequest request) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(code, teams.replaceTeam(code, request.members()));
    }

    @GetMapping("/api/v1/planning/workers")
    List<TeamAssignments.Worker> workers(@RequestParam(required = false) String name,
                                         @RequestParam(required = false) String department) {
        return teams.findWorkers(name, department);
    }

    record NewWorker(String name, String phone, String departmentCode) {
    }

    @PostMapping("/api/v1/planning/workers")
    ResponseEntity<TeamAssignments.Worker> createWorker(@RequestBody NewWorker request) {
        TeamAssignments.Worker worker = teams.createWorker(request.name(), request.phone(), request.departmentCode());
        return ResponseEntity.created(URI.create("/api/v1/planning/workers/" + worker.id())).body(worker);
    }

    record AttachRequest(List<String> gridCodes, String villageCode) {
    }

    /** Attaches a department's professional grid worker to the grids named, or to every active grid of a village/community. */
    @PostMapping("/api/v1/planning/workers/{id}/grids")
    TeamPlanning.Attachment attach(@PathVariable long id, @RequestBody AttachRequest request) {
        Jurisdiction jurisdiction = currentJurisdiction.get();
        jurisdictionCheck.requireGrids(jurisdiction, request.gridCodes());
        jurisdictionCheck.requireUnit(jurisdiction, request.villageCode());
        return teams.attach(id, request.gridCodes(), request.villageCode());
    }

    @DeleteMapping("/api/v1/planning/workers/{id}/grids/{code}")
    ResponseEntity<Void> detach(@PathVariable long id, @PathVariable String code) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        teams.detach(id, code);
        return ResponseEntity.noContent().build();
    }

    private TeamView view(String code, List<TeamAssignments.Member> members) {
        return new TeamView(code.strip(), members.stream()
                .map(m -> new MemberView(m.workerId(), m.name(), m.role(), labels.of("team.role", m.role()),
                        m.departmentCode(), m.departmentName()))
                .toList());
    }
}

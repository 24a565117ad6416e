package cn.hemeigrid.planning.team;

import java.net.URI;
import java.time.Instant;
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

    /** @param actor the name of the person making the change, kept in the team history; optional */
    record TeamRequest(List<TeamPlanning.MemberRequest> members, String actor) {
    }

    /** Replaces the team of a grid; an empty list of members clears it. */
    @PutMapping("/api/v1/planning/grids/{code}/team")
    TeamView replaceTeam(@PathVariable String code, @RequestBody TeamRequest request) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(code, teams.replaceTeam(code, request.members(), request.actor()));
    }

    record HistoryEntryView(long workerId, String name, String role, String roleName, String departmentName,
                            Instant validFrom, Instant validTo, String assignedBy, String endedBy) {
    }

    record TeamHistoryView(String gridCode, List<HistoryEntryView> entries) {
    }

    /** Lists who held which role in the grid from when to when, and who made each change. */
    @GetMapping("/api/v1/planning/grids/{code}/team/history")
    TeamHistoryView history(@PathVariable String code) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return new TeamHistoryView(code.strip(), teams.history(code).stream()
                .map(entry -> new HistoryEntryView(entry.workerId(), entry.name(), entry.role(),
                        labels.of("team.role", entry.role()), entry.departmentName(), entry.validFrom(),
                        entry.validTo(), entry.assignedBy(), entry.endedBy()))
                .toList());
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

    record AttachRequest(List<String> gridCodes, String villageCode, String actor) {
    }

    /** Attaches a department's professional grid worker to the grids named, or to every active grid of a village/community. */
    @PostMapping("/api/v1/planning/workers/{id}/grids")
    TeamPlanning.Attachment attach(@PathVariable long id, @RequestBody AttachRequest request) {
        Jurisdiction jurisdiction = currentJurisdiction.get();
        jurisdictionCheck.requireGrids(jurisdiction, request.gridCodes());
        jurisdictionCheck.requireUnit(jurisdiction, request.villageCode());
        return teams.attach(id, request.gridCodes(), request.villageCode(), request.actor());
    }

    @DeleteMapping("/api/v1/planning/workers/{id}/grids/{code}")
    ResponseEntity<Void> detach(@PathVariable long id, @PathVariable String code,
                                @RequestParam(required = false) String actor) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        teams.detach(id, code, actor);
        return ResponseEntity.noContent().build();
    }

    private TeamView view(String code, List<TeamAssignments.Member> members) {
        return new TeamView(code.strip(), members.stream()
                .map(m -> new MemberView(m.workerId(), m.name(), m.role(), labels.of("team.role", m.role()),
                        m.departmentCode(), m.departmentName()))
                .toList());
    }
}

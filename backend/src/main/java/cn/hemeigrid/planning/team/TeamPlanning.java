package cn.hemeigrid.planning.team;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.access.AuditLog;
import cn.hemeigrid.access.CurrentAccount;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Assigns grid teams. A team has at most one grid leader. A professional grid worker must
 * belong to a department, and one such worker may be attached to many grids at once. Team
 * changes apply to active grids only.
 *
 * <p>NOTE: team changes make no grid version, so the history shows shapes and attributes but
 * not who was in a grid's team at a past date.
 */
@Service
public class TeamPlanning {

    static final List<String> ROLES = List.of("leader", "full_time", "professional", "part_time");
    static final int MAX_NAME_LENGTH = 50;
    static final int MAX_PHONE_LENGTH = 32;
    static final int MAX_WORKERS_LISTED = 200;
    static final int MAX_ACTOR_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(TeamPlanning.class);

    private final TeamAssignments assignments;
    private final TeamHistory history;

    private final AuditLog audit;
    private final CurrentAccount currentAccount;

    TeamPlanning(TeamAssignments assignments, TeamHistory history, AuditLog audit, CurrentAccount currentAccount) {
        this.assignments = assignments;
        this.history = history;
        this.audit = audit;
        this.currentAccount = currentAccount;
    }

    record MemberRequest(Long workerId, String role) {
    }

    @Transactional(readOnly = true)
    List<TeamAssignments.Member> team(String gridCode) {
        return assignments.team(grid(gridCode).id());
    }

    /** Lists every assignment the grid's team has had, retired grids included. */
    @Transactional(readOnly = true)
    List<TeamHistory.Entry> history(String gridCode) {
        return history.of(grid(gridCode).id());
    }

    /**
     * Replaces a grid's team with the given members. Repeating a worker in the same role
     * counts once. Members who keep their role keep their assignment, so their history runs on.
     *
     * @throws RejectedRequestException 400 for a missing worker id or unknown role, 404 for an
     *                                  unknown grid, 409 for a retired one, 422 for an unknown
     *                                  worker, a second leader or a professional without department
     */
    @Transactional
    List<TeamAssignments.Member> replaceTeam(String gridCode, List<MemberRequest> members, String actor) {
        String checkedActor = actor(actor);
        TeamAssignments.GridRow grid = activeGrid(gridCode);
        record Assignment(long workerId, String role) {
        }
        Set<Assignment> requested = new LinkedHashSet<>();
        for (MemberRequest member : members == null ? List.<MemberRequest>of() : members) {
            if (member == null || member.workerId() == null) {
                throw RejectedRequestException.badRequest("team.worker-missing");
            }
            String role = role(member.role());
            TeamAssignments.Worker worker = worker(member.workerId());
            if (role.equals("professional") && worker.departmentCode() == null) {
                throw RejectedRequestException.unprocessable("team.professional-without-department", worker.name(),
                        worker.id());
            }
            requested.add(new Assignment(worker.id(), role));
        }
        long leaders = requested.stream().filter(a -> a.role().equals("leader")).count();
        if (leaders > 1) {
            throw RejectedRequestException.unprocessable("team.one-leader", leaders);
        }

        assignments.lockGrid(grid.id());
        assignments.recordActor(checkedActor);
        Set<Assignment> current = new LinkedHashSet<>();
        assignments.team(grid.id()).forEach(member -> current.add(new Assignment(member.workerId(), member.role())));
        for (Assignment ended : current) {
            if (!requested.contains(ended)) {
                assignments.unassign(grid.id(), ended.workerId(), ended.role());
            }
        }
        for (Assignment added : requested) {
            if (!current.contains(added)) {
                assignments.assign(grid.id(), added.workerId(), added.role());
            }
        }
        audit.record("team.replace", "grid", grid.code(), "members " + requested);
        log.info("Team of grid {} set to {} members by {}", grid.code(), requested.size(), checkedActor);
        return assignments.team(grid.id());
    }

    /** The grids a professional grid worker was attached to, and those that already had the worker. */
    record Attachment(long workerId, List<String> attached, List<String> alreadyAttached) {
    }

    /**
     * Attaches a department's professional grid worker to many grids: the grids named, or
     * every active grid of a village/community. Exactly one of the two must be given.
     */
    @Transactional
    Attachment attach(long workerId, List<String> gridCodes, String villageCode, String actor) {
        String checkedActor = actor(actor);
        TeamAssignments.Worker worker = worker(workerId);
        if (worker.departmentCode() == null) {
            throw RejectedRequestException.unprocessable("team.professional-without-department", worker.name(),
                    worker.id());
        }
        boolean byCodes = gridCodes != null && !gridCodes.isEmpty();
        boolean byVillage = villageCode != null && !villageCode.isBlank();
        if (byCodes == byVillage) {
            throw RejectedRequestException.badRequest("team.attach-target");
        }
        List<TeamAssignments.GridRow> grids = new ArrayList<>();
        if (byCodes) {
            for (String code : new LinkedHashSet<>(gridCodes)) {
                grids.add(activeGrid(code));
            }
        } else {
            grids.addAll(assignments.activeGridsOfVillage(villageCode.strip()));
            if (grids.isEmpty()) {
                throw RejectedRequestException.unprocessable("team.village-without-grids", villageCode.strip());
            }
        }

        assignments.recordActor(checkedActor);
        List<String> attached = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (TeamAssignments.GridRow grid : grids) {
            (assignments.assign(grid.id(), worker.id(), "professional") ? attached : already).add(grid.code());
        }
        audit.record("team.attach_worker", "grid_worker", worker.id(), "grids " + attached);
        log.info("Worker {} of department {} attached to {} grids", worker.id(), worker.departmentCode(),
                attached.size());
        return new Attachment(worker.id(), attached, already);
    }

    @Transactional
    void detach(long workerId, String gridCode, String actor) {
        String checkedActor = actor(actor);
        TeamAssignments.GridRow grid = grid(gridCode);
        assignments.recordActor(checkedActor);
        if (!assignments.unassign(grid.id(), workerId, "professional")) {
            throw RejectedRequestException.notFound("team.not-attached", workerId, grid.code());
        }
        audit.record("team.detach_worker", "grid_worker", workerId, "grid " + grid.code());
    }

    @Transactional
    TeamAssignments.Worker createWorker(String name, String phone, String departmentCode) {
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.codePointCount(0, trimmedName.length()) > MAX_NAME_LENGTH) {
            throw RejectedRequestException.badRequest("team.worker-name-invalid", MAX_NAME_LENGTH);
        }
        String trimmedPhone = phone == null || phone.isBlank() ? null : phone.strip();
        if (trimmedPhone != null && trimmedPhone.length() > MAX_PHONE_LENGTH) {
            throw RejectedRequestException.badRequest("team.phone-too-long", MAX_PHONE_LENGTH);
        }
        String department = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        if (department != null && !assignments.departmentExists(department)) {
            throw RejectedRequestException.unprocessable("team.department-unknown", department);
        }
        long id = assignments.insertWorker(trimmedName, trimmedPhone, department);
        audit.record("team.create_worker", "grid_worker", id, trimmedName);
        return assignments.worker(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<TeamAssignments.Worker> findWorkers(String nameContains, String departmentCode) {
        String text = nameContains == null ? "" : nameContains.strip();
        String department = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        return assignments.findWorkers(text, department, MAX_WORKERS_LISTED);
    }

    private TeamAssignments.GridRow grid(String code) {
        String trimmed = code == null ? "" : code.strip();
        return assignments.grid(trimmed)
                .orElseThrow(() -> RejectedRequestException.notFound("grid.not-found", trimmed));
    }

    private TeamAssignments.GridRow activeGrid(String code) {
        TeamAssignments.GridRow grid = grid(code);
        if (!grid.status().equals("active")) {
            throw RejectedRequestException.conflict("planning.grid-retired", grid.code());
        }
        return grid;
    }

    private TeamAssignments.Worker worker(long id) {
        return assignments.worker(id)
                .orElseThrow(() -> RejectedRequestException.unprocessable("team.worker-not-found", id));
    }

    /**
     * Returns the name recorded in the team history: the signed-in account's display name, or
     * without sign-in the stripped name sent with the request, null when blank.
     */
    private String actor(String actor) {
        java.util.Optional<cn.hemeigrid.access.Account> account = currentAccount.find();
        if (account.isPresent()) {
            return account.get().displayName();
        }
        String trimmed = actor == null ? "" : actor.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_ACTOR_LENGTH) {
            throw RejectedRequestException.badRequest("team.actor-too-long", MAX_ACTOR_LENGTH);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String role(String role) {
        String trimmed = role == null ? "" : role.strip();
        if (!ROLES.contains(trimmed)) {
            throw RejectedRequestException.badRequest("team.role-unknown", String.valueOf(role));
        }
        return trimmed;
    }
}

package cn.hemeigrid.incident;

import static cn.hemeigrid.access.Role.ADMINISTRATOR;
import static cn.hemeigrid.access.Role.DEPARTMENT_HANDLER;
import static cn.hemeigrid.access.Role.DISPATCHER_COUNTY;
import static cn.hemeigrid.access.Role.DISPATCHER_TOWNSHIP;
import static cn.hemeigrid.access.Role.DISPATCHER_VILLAGE;
import static cn.hemeigrid.access.Role.GRID_LEADER;
import static cn.hemeigrid.access.Role.GRID_WORKER_FULL_TIME;
import static cn.hemeigrid.access.Role.GRID_WORKER_PART_TIME;

import java.util.EnumSet;
import java.util.Set;

import cn.hemeigrid.access.Role;

/**
 * The roles allowed to take each workflow step. Dispatchers and grid leaders decide: accept,
 * dispatch, reject, close and the like. Grid workers and department handlers carry the work
 * out (start handling, mark handled), and administrators may take every step.
 */
final class WorkflowRoles {

    static final Set<Role> DECIDERS = EnumSet.of(GRID_LEADER, DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP,
            DISPATCHER_COUNTY, ADMINISTRATOR);
    static final Set<Role> HANDLERS = EnumSet.of(GRID_WORKER_PART_TIME, GRID_WORKER_FULL_TIME, GRID_LEADER,
            DEPARTMENT_HANDLER, DISPATCHER_VILLAGE, DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY, ADMINISTRATOR);
    static final Set<Role> SUMMONERS = DECIDERS;
    static final Set<Role> SUMMONS_ANSWERERS = EnumSet.of(DEPARTMENT_HANDLER, DISPATCHER_VILLAGE,
            DISPATCHER_TOWNSHIP, DISPATCHER_COUNTY, ADMINISTRATOR);

    private WorkflowRoles() {
    }

    static Set<Role> allowedFor(WorkflowAction action) {
        return switch (action) {
            case START_HANDLING, MARK_HANDLED -> HANDLERS;
            default -> DECIDERS;
        };
    }
}

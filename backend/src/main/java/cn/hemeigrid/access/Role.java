package cn.hemeigrid.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A staff role. An account has one or more, and each grants the endpoints listed in {@link EndpointRules}. */
public enum Role {
    GRID_WORKER_PART_TIME,
    GRID_WORKER_FULL_TIME,
    GRID_LEADER,
    DEPARTMENT_HANDLER,
    DISPATCHER_VILLAGE,
    DISPATCHER_TOWNSHIP,
    DISPATCHER_COUNTY,
    PLANNER,
    ADMINISTRATOR;

    /** Returns the code used in the database and the API, e.g. {@code grid_leader}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the Spring Security authority, e.g. {@code ROLE_GRID_LEADER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }

    /** Returns the names without the ROLE_ prefix, as {@code hasAnyRole} takes them. */
    static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}

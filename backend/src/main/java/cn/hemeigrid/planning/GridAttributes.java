package cn.hemeigrid.planning;

import java.util.List;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The attributes a planner edits, validated: name, kind with its dedicated type, and the
 * online grid (the team's messaging group).
 */
record GridAttributes(String name, String kind, String dedicatedType, String onlineGroup) {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_ONLINE_GROUP_LENGTH = 200;
    static final List<String> KINDS = List.of("basic", "dedicated");
    static final List<String> DEDICATED_TYPES = List.of("school", "hospital", "park", "industrial_park",
            "office_tower", "market", "government", "research_institute");

    /**
     * Validates raw request values. A null kind means basic.
     *
     * @throws RejectedRequestException 400 naming the invalid value
     */
    static GridAttributes of(String name, String kind, String dedicatedType, String onlineGroup) {
        String trimmedName = name == null ? "" : name.strip();
        int length = trimmedName.codePointCount(0, trimmedName.length());
        if (length == 0 || length > MAX_NAME_LENGTH) {
            throw RejectedRequestException.badRequest("planning.name-invalid", MAX_NAME_LENGTH, length);
        }
        String checkedKind = kind == null || kind.isBlank() ? "basic" : kind.strip();
        if (!KINDS.contains(checkedKind)) {
            throw RejectedRequestException.badRequest("planning.kind-unknown", kind);
        }
        String type = dedicatedType == null || dedicatedType.isBlank() ? null : dedicatedType.strip();
        if (checkedKind.equals("dedicated") && (type == null || !DEDICATED_TYPES.contains(type))) {
            throw RejectedRequestException.badRequest("planning.dedicated-type-invalid", String.valueOf(dedicatedType));
        }
        if (checkedKind.equals("basic") && type != null) {
            throw RejectedRequestException.badRequest("planning.dedicated-type-for-basic", type);
        }
        String group = onlineGroup == null || onlineGroup.isBlank() ? null : onlineGroup.strip();
        if (group != null && group.length() > MAX_ONLINE_GROUP_LENGTH) {
            throw RejectedRequestException.badRequest("planning.online-group-too-long", MAX_ONLINE_GROUP_LENGTH);
        }
        return new GridAttributes(trimmedName, checkedKind, type, group);
    }

    static GridAttributes of(PlannedGrid grid) {
        return new GridAttributes(grid.name(), grid.kind(), grid.dedicatedType(), grid.onlineGroup());
    }
}

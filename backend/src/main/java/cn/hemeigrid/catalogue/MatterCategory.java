package cn.hemeigrid.catalogue;

import cn.hemeigrid.CodeName;

/**
 * One entry of the matter catalogue with its responsible department, default handler route
 * and time limits.
 *
 * @param handlingLimit  handling time allowed, in {@code handlingLimitUnit}
 * @param duplicateRadiusMetres radius around a new report in which open incidents of this
 *                       category are offered as possible duplicates
 */
public record MatterCategory(
        String code,
        String name,
        String groupName,
        CodeName department,
        CodeName handlerRoute,
        int assignLimitMinutes,
        int urgentAssignLimitMinutes,
        int handlingLimit,
        HandlingLimitUnit handlingLimitUnit,
        int duplicateRadiusMetres) {

    public enum HandlingLimitUnit {
        HOURS, WORKING_DAYS
    }
}

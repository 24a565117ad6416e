package cn.hemeigrid.routing;

import java.time.Instant;
import java.util.List;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.team.TeamMember;

/**
 * The routing result for an incident at a point. The fields from {@code category} on are null when no
 * matter category was given.
 *
 * @param location         the point in CGCS2000
 * @param dedicatedGrid    the dedicated grid containing the point, or null; it takes precedence
 *                         over the basic grid for assignment
 * @param assignedGridCode the grid that takes the incident: the dedicated grid when present
 * @param outsideCoverage  true when the point lies in no grid and went to the nearest one
 * @param distanceMetres   distance to the basic grid, 0 when the point lies inside it
 * @param team             the team of the assigned grid
 * @param professionalMember the responsible department's professional grid worker attached to
 *                         the basic grid, or null when the department has none there
 */
public record Routing(
        LonLat location,
        CodeName county,
        CodeName township,
        CodeName village,
        GridRef grid,
        GridRef dedicatedGrid,
        String assignedGridCode,
        boolean outsideCoverage,
        double distanceMetres,
        List<TeamMember> team,
        CodeName category,
        CodeName department,
        Person professionalMember,
        CodeName handlerRoute,
        Instant assignDeadline,
        Instant handlingDeadline) {

    public record Person(String name) {
    }
}

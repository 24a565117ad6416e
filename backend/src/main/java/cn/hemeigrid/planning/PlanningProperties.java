package cn.hemeigrid.planning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tolerances of grid planning.
 *
 * @param overlapToleranceMetres overlaps, gaps and parts outside the village/community count
 *                               only where they are wider than this, in metres
 * @param sliverAreaSquareMetres union, split and clip results drop polygons and holes smaller
 *                               than this, in square metres
 * @param areaOutlierFactor      the coverage check flags basic grids larger than this many
 *                               times the median area of the basic grids of the same
 *                               village/community, or smaller than that median divided by it
 */
@ConfigurationProperties("hemei.planning")
public record PlanningProperties(@DefaultValue("0.5") double overlapToleranceMetres,
                                 @DefaultValue("1.0") double sliverAreaSquareMetres,
                                 @DefaultValue("3.0") double areaOutlierFactor) {
}

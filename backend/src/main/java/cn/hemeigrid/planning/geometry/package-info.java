/**
 * The geometry core of grid planning, free of Spring and the database: validation and repair
 * of submitted polygons, union, split and clipping with OverlayNG, and the overlap, gap and
 * coverage checks. Every problem is returned as a {@link cn.hemeigrid.planning.geometry.Finding}
 * with the geometry to highlight rather than thrown as text.
 */
package cn.hemeigrid.planning.geometry;

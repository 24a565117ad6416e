package cn.hemeigrid.planning.geometry;

import org.locationtech.jts.geom.Geometry;

/** Another grid a shape is checked against: its code and its shape in CGCS2000 longitude/latitude. */
public record Neighbour(String code, Geometry shape) {
}

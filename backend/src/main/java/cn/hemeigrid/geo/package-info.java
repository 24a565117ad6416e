/**
 * Coordinate systems: CGCS2000 storage, the GCJ-02 and BD-09 offsets used by consumer map
 * apps in China, and the EPSG:4547 projection used for areas and distances in Huizhou.
 */
package cn.hemeigrid.geo;

/**
 * Map layers for the web pages: boundaries, grids and facilities as GeoJSON for the visible
 * area, and the base map settings.
 */
package cn.hemeigrid.map;

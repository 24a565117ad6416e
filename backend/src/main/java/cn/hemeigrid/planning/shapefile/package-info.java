/**
 * Zipped ESRI Shapefile (.shp, .shx, .dbf, .prj, .cpg) for grid import and export: the zip
 * archive with its safety limits, the polygon geometry of the .shp and .shx files, the .dbf
 * attribute table and the coordinate system named by the .prj file.
 */
package cn.hemeigrid.planning.shapefile;

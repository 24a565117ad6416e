/**
 * The import of gis-data/: real Huizhou city and county outlines, 2023 division codes and 2016
 * centre points, from which it generates township, village and grid polygons, dedicated grids,
 * grid teams and facilities, and writes them to an empty database.
 */
package cn.hemeigrid.dataload;

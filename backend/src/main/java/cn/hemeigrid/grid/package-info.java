/**
 * Grids (网格): basic and dedicated grids with their 15-digit codes, teams and open incidents.
 */
package cn.hemeigrid.grid;

/**
 * Assignment of grid teams ("1+1+N": one grid leader, full-time, professional and part-time
 * grid workers) and attachment of a department's professional grid worker to many grids.
 */
package cn.hemeigrid.planning.team;

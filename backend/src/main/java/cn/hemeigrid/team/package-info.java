/**
 * Grid teams ("1+1+N"): grid leader, full-time, professional (posted by a department, often
 * to many grids) and part-time grid workers.
 */
package cn.hemeigrid.team;

/**
 * Routing (分流): which county, township, village/community, grid, team and department an
 * incident at a point goes to.
 */
package cn.hemeigrid.routing;

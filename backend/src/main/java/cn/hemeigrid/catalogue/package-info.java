/**
 * The matter catalogue (事项清单): categories, their responsible departments, the four handler
 * routes of four-way routing, and the time limits that give each incident its deadlines.
 */
package cn.hemeigrid.catalogue;

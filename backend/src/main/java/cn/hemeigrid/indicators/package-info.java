/**
 * Review indicators (考核指标): filed, due and closed incidents, closure, on-time and rework
 * rates, response times and satisfaction per grid, administrative unit, department or worker,
 * and hot spots: incidents reported per square cell.
 */
package cn.hemeigrid.indicators;

/**
 * Incidents (事件): reports with a point, routed on arrival and followed by their tracking code.
 */
package cn.hemeigrid.incident;

/**
 * Application-wide web setup: request locale (Chinese by default, English on request) and the
 * one place that turns exceptions into RFC 9457 problem details.
 */
package cn.hemeigrid.system;

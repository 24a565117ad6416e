/**
 * Supervision (督办): deadline warnings and the escalation job that raises overdue incidents
 * one level at a time, with a supervision record for each step.
 */
package cn.hemeigrid.supervision;

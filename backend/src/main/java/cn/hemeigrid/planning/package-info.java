/**
 * Grid planning (网格规划): creating, reshaping, splitting, merging and retiring grids with
 * their codes, version history, lineage and the coverage check of an administrative unit.
 */
package cn.hemeigrid.planning;

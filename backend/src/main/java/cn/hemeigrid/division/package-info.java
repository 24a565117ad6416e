/**
 * Administrative divisions: city, county, township/street and village/community, with their
 * 12-digit statistical codes and outlines.
 */
package cn.hemeigrid.division;

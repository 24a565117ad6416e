/**
 * Access (权限): staff accounts, their roles and the jurisdiction (辖区) each account may see
 * and act on. Other packages get the jurisdiction of the request
 * from {@link cn.hemeigrid.access.CurrentJurisdiction} and filter their queries by it.
 */
package cn.hemeigrid.access;

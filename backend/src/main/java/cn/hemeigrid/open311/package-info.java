/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: the matter catalogue as services, reports
 * as service requests, in JSON and XML, so third-party systems can post and follow incidents.
 */
package cn.hemeigrid.open311;

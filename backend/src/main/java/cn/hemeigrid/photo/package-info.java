/**
 * Photos residents attach to a report and staff attach to a workflow step: upload with a check
 * of the content's type, storage under server-generated names, read-only download.
 */
package cn.hemeigrid.photo;

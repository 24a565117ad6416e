/**
 * Protections of anonymous reporting: a rate limit per client address on the requests residents
 * send without an account, and replay of the stored answer to a report re-sent with the same
 * Idempotency-Key.
 */
package cn.hemeigrid.reporting;

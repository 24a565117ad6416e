package cn.hemeigrid.reporting;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a rate limit counts requests against. By default the socket's remote address,
 * which a client cannot choose. Behind a reverse proxy every request comes from the proxy, so
 * with {@code trust-forwarded-for} the last X-Forwarded-For entry is taken: the one the proxy
 * appended. Earlier entries are written by the client and are ignored.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}

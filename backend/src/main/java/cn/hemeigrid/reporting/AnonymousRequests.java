package cn.hemeigrid.reporting;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** The requests residents and Open311 clients send without an account, which are rate-limited. */
final class AnonymousRequests {

    private static final Pattern REPORT = Pattern.compile("/api/v1/incidents/?");
    private static final Pattern FOLLOW_OR_RATE =
            Pattern.compile("/api/v1/incidents/(nearby/)?[^/]+/(followers|rating)/?");
    private static final Pattern PHOTO_UPLOAD = Pattern.compile("/api/v1/photos/?");
    private static final Pattern OPEN311_POST = Pattern.compile("/open311/v2/requests\\.[A-Za-z]+");

    private AnonymousRequests() {
    }

    static boolean isRateLimited(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = path(request);
        return REPORT.matcher(path).matches() || FOLLOW_OR_RATE.matcher(path).matches()
                || PHOTO_UPLOAD.matcher(path).matches() || OPEN311_POST.matcher(path).matches();
    }

    /** Returns true for the requests that create an incident and so honour an Idempotency-Key header. */
    static boolean createsIncident(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = path(request);
        return REPORT.matcher(path).matches() || OPEN311_POST.matcher(path).matches();
    }

    /**
     * Returns the decoded path within the application without path parameters, as Spring MVC
     * matches it, so that variants such as {@code /api/v1/incidents;x=1} are counted too.
     */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}

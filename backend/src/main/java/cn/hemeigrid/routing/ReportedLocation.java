package cn.hemeigrid.routing;

import cn.hemeigrid.geo.CoordinateSystem;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * A point as a client sent it, validated, with its CGCS2000 equivalent.
 *
 * @param reported the coordinates as sent, in {@code crs}
 * @param cgcs2000 the same point converted to CGCS2000, the system everything is stored in
 */
public record ReportedLocation(LonLat reported, CoordinateSystem crs, LonLat cgcs2000) {

    /**
     * Validates raw request values. A missing crs means CGCS2000. Coordinates off the globe are
     * kept here (not rejected) so the router can tell whether longitude and latitude were swapped.
     *
     * @throws RejectedRequestException 400 for missing or non-finite coordinates or an unknown crs
     */
    public static ReportedLocation parse(Double lon, Double lat, String crsCode) {
        if (lon == null || lat == null) {
            throw RejectedRequestException.badRequest("coordinate.missing");
        }
        LonLat reported = new LonLat(lon, lat);
        if (!reported.isFinite()) {
            throw RejectedRequestException.badRequest("coordinate.not-finite", lon, lat);
        }
        CoordinateSystem crs = crsCode == null || crsCode.isBlank()
                ? CoordinateSystem.CGCS2000
                : CoordinateSystem.fromCode(crsCode)
                        .orElseThrow(() -> RejectedRequestException.badRequest("coordinate.unknown-crs", crsCode));
        LonLat converted = reported.isOnEarth() ? crs.toCgcs2000(reported) : reported;
        return new ReportedLocation(reported, crs, converted);
    }

    /** Returns the location with longitude and latitude exchanged, converted the same way. */
    ReportedLocation swapped() {
        LonLat exchanged = new LonLat(reported.lat(), reported.lon());
        LonLat converted = exchanged.isOnEarth() ? crs.toCgcs2000(exchanged) : exchanged;
        return new ReportedLocation(exchanged, crs, converted);
    }
}

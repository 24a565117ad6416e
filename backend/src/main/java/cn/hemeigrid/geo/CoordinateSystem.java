package cn.hemeigrid.geo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The longitude/latitude systems a client may send. Everything is stored in CGCS2000
 * (EPSG:4490), which for grid work equals WGS84 to well under a metre.
 */
public enum CoordinateSystem {
    CGCS2000("cgcs2000"),
    WGS84("wgs84"),
    GCJ02("gcj02"),
    BD09("bd09");

    private final String code;

    CoordinateSystem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Finds the system by its API code, ignoring case and surrounding blanks. */
    public static Optional<CoordinateSystem> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(crs -> crs.code.equals(normalised)).findFirst();
    }

    /** Converts a point of this system to CGCS2000. */
    public LonLat toCgcs2000(LonLat point) {
        return switch (this) {
            case CGCS2000, WGS84 -> point;
            case GCJ02 -> ChinaOffset.gcj02ToWgs84(point);
            case BD09 -> ChinaOffset.bd09ToWgs84(point);
        };
    }

    /** Converts a CGCS2000 point to this system. */
    public LonLat fromCgcs2000(LonLat point) {
        return switch (this) {
            case CGCS2000, WGS84 -> point;
            case GCJ02 -> ChinaOffset.wgs84ToGcj02(point);
            case BD09 -> ChinaOffset.wgs84ToBd09(point);
        };
    }
}

package cn.hemeigrid.geo;

/**
 * Converts between WGS84 and the offset systems of consumer maps in China: GCJ-02 (Amap,
 * Tencent, WeChat location) and BD-09 (Baidu, built on GCJ-02).
 *
 * <p>The forward GCJ-02 transform is the published obfuscation formula on the Krasovsky 1940
 * ellipsoid. Its inverse has no closed form, so {@link #gcj02ToWgs84} iterates the forward
 * transform until the round trip is within about 1e-9 degrees (well under a millimetre).
 * Points outside mainland China's rough bounding box are returned unchanged, as the map apps do.
 * CGCS2000 equals WGS84 to well under a metre here, so callers use WGS84 results as CGCS2000.
 */
public final class ChinaOffset {

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-9;
    private static final int INVERSE_MAX_ITERATIONS = 30;

    private ChinaOffset() {
    }

    public static LonLat wgs84ToGcj02(LonLat wgs) {
        if (outsideChina(wgs)) {
            return wgs;
        }
        double x = wgs.lon() - 105.0;
        double y = wgs.lat() - 35.0;
        double radLat = Math.toRadians(wgs.lat());
        double magic = 1 - KRASOVSKY_EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        double dLat = offsetLat(x, y) * 180.0
                / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        double dLon = offsetLon(x, y) * 180.0
                / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LonLat(wgs.lon() + dLon, wgs.lat() + dLat);
    }

    public static LonLat gcj02ToWgs84(LonLat gcj) {
        if (outsideChina(gcj)) {
            return gcj;
        }
        double lon = gcj.lon();
        double lat = gcj.lat();
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            LonLat forward = wgs84ToGcj02(new LonLat(lon, lat));
            double errorLon = forward.lon() - gcj.lon();
            double errorLat = forward.lat() - gcj.lat();
            lon -= errorLon;
            lat -= errorLat;
            if (Math.abs(errorLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(errorLat) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(lon, lat);
    }

    public static LonLat gcj02ToBd09(LonLat gcj) {
        double x = gcj.lon();
        double y = gcj.lat();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BD_X_PI);
        return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    /** Inverts {@link #gcj02ToBd09} by iteration, starting from Baidu's approximate inverse. */
    public static LonLat bd09ToGcj02(LonLat bd) {
        double x = bd.lon() - 0.0065;
        double y = bd.lat() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        double lon = z * Math.cos(theta);
        double lat = z * Math.sin(theta);
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            LonLat forward = gcj02ToBd09(new LonLat(lon, lat));
            double errorLon = forward.lon() - bd.lon();
            double errorLat = forward.lat() - bd.lat();
            lon -= errorLon;
            lat -= errorLat;
            if (Math.abs(errorLon) < INVERSE_TOLERANCE_DEGREES && Math.abs(errorLat) < INVERSE_TOLERANCE_DEGREES) {
                break;
            }
        }
        return new LonLat(lon, lat);
    }

    public static LonLat bd09ToWgs84(LonLat bd) {
        return gcj02ToWgs84(bd09ToGcj02(bd));
    }

    public static LonLat wgs84ToBd09(LonLat wgs) {
        return gcj02ToBd09(wgs84ToGcj02(wgs));
    }

    static boolean outsideChina(LonLat p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    private static double offsetLat(double x, double y) {
        double result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        result += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        result += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        result += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return result;
    }

    private static double offsetLon(double x, double y) {
        double result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        result += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        result += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        result += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return result;
    }
}

package cn.hemeigrid.geo;

/** A longitude/latitude pair in decimal degrees, in whatever system the caller names. */
public record LonLat(double lon, double lat) {

    public boolean isFinite() {
        return Double.isFinite(lon) && Double.isFinite(lat);
    }

    public boolean isOnEarth() {
        return isFinite() && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }
}

package cn.hemeigrid.geo;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A longitude/latitude pair in decimal degrees, in whatever system the caller names. */
public record LonLat(double lon, double lat) {

    @JsonIgnore
    public boolean isFinite() {
        return Double.isFinite(lon) && Double.isFinite(lat);
    }

    @JsonIgnore
    public boolean isOnEarth() {
        return isFinite() && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }
}

package cn.hemeigrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class ChinaOffsetTest {

    @Test
    void wgs84ToGcj02MatchesPublishedVector() {
        LonLat gcj = ChinaOffset.wgs84ToGcj02(new LonLat(118.0, 32.0));

        assertThat(gcj.lon()).isCloseTo(118.005431, within(0.000001));
        assertThat(gcj.lat()).isCloseTo(31.997964, within(0.000001));
    }

    @Test
    void gcj02ToWgs84InvertsForwardTransform() {
        LonLat wgs = ChinaOffset.gcj02ToWgs84(new LonLat(118.005431, 31.997964));

        assertThat(wgs.lon()).isCloseTo(118.0, within(0.000002));
        assertThat(wgs.lat()).isCloseTo(32.0, within(0.000002));
    }

    // Vectors at (116.404, 39.915) as published with the wandergis/coordtransform library and
    // repeated in the hutool CoordinateUtil tests.
    @Test
    void gcj02ToBd09MatchesPublishedVector() {
        LonLat bd = ChinaOffset.gcj02ToBd09(new LonLat(116.404, 39.915));

        assertThat(bd.lon()).isCloseTo(116.41036949371029, within(1e-9));
        assertThat(bd.lat()).isCloseTo(39.92133699351021, within(1e-9));
    }

    @Test
    void bd09ToGcj02MatchesPublishedVector() {
        // The published value comes from Baidu's one-step approximate inverse; ours iterates to
        // the exact inverse, which differs by well under a metre (1e-5 degrees).
        LonLat gcj = ChinaOffset.bd09ToGcj02(new LonLat(116.404, 39.915));

        assertThat(gcj.lon()).isCloseTo(116.39762729119315, within(1e-5));
        assertThat(gcj.lat()).isCloseTo(39.90865673957631, within(1e-5));
    }

    @Test
    void wgs84ToGcj02MatchesSecondPublishedVector() {
        LonLat gcj = ChinaOffset.wgs84ToGcj02(new LonLat(116.404, 39.915));

        assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-9));
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-9));
    }

    @Test
    void bd09RoundTripInHuizhou() {
        LonLat wgs = new LonLat(114.4126, 23.0794);

        LonLat back = ChinaOffset.bd09ToWgs84(ChinaOffset.wgs84ToBd09(wgs));

        assertThat(back.lon()).isCloseTo(wgs.lon(), within(1e-8));
        assertThat(back.lat()).isCloseTo(wgs.lat(), within(1e-8));
    }

    @Test
    void gcj02ToBd09ShiftsByBaiduOffset() {
        LonLat bd = ChinaOffset.gcj02ToBd09(new LonLat(114.4126, 23.0794));

        assertThat(bd.lon() - 114.4126).isBetween(0.006, 0.0075);
        assertThat(bd.lat() - 23.0794).isBetween(0.005, 0.0065);
    }

    @Test
    void pointOutsideChinaIsUnchanged() {
        LonLat paris = new LonLat(2.35, 48.85);

        assertThat(ChinaOffset.wgs84ToGcj02(paris)).isEqualTo(paris);
        assertThat(ChinaOffset.gcj02ToWgs84(paris)).isEqualTo(paris);
    }

    @Test
    void gaussKrugerMatchesPostgisTransform() {
        GaussKruger projection = new GaussKruger();

        Coordinate metres = projection.project(new Coordinate(114.0, 23.0));

        // Expected values from PostGIS 3.3 ST_Transform(..., 4547) on the same points.
        assertThat(metres.x).isCloseTo(500000.0, within(0.01));
        assertThat(metres.y).isCloseTo(2544537.5786, within(0.01));

        Coordinate east = projection.project(new Coordinate(114.5, 23.2));

        assertThat(east.x).isCloseTo(551185.8854, within(0.01));
        assertThat(east.y).isCloseTo(2566774.6452, within(0.01));
    }
}

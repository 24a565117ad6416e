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

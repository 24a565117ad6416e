package cn.hemeigrid.planning.geometry;

import static cn.hemeigrid.planning.geometry.Fixtures.cells;
import static cn.hemeigrid.planning.geometry.Fixtures.geoJson;
import static cn.hemeigrid.planning.geometry.Fixtures.json;
import static cn.hemeigrid.planning.geometry.Fixtures.lonLat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ShapeValidatorTest {

    private static final Envelope HUIZHOU = new Envelope(113.85, 115.45, 22.55, 23.95);

    private final ShapeValidator validator = new ShapeValidator(HUIZHOU);

    @Test
    void bowTieRejectedWithCrossingPoint() {
        CheckedShape checked = validator.validate(geoJson("POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))"), null);

        assertThat(checked.accepted()).isFalse();
        Finding crossing = only(checked, FindingKind.SELF_INTERSECTION);
        assertThat(crossing.location().getCoordinate().distance(lonLat(1, 1))).isLessThan(1e-7);
        assertThat(crossing.severity()).isEqualTo(Severity.REJECTED);
    }

    @Test
    void repeatedLastVertexRemoved() {
        String doubleClick = ring(lonLat(0, 0), lonLat(1, 0), lonLat(1, 1), lonLat(0, 1), lonLat(0, 1), lonLat(0, 0));

        CheckedShape checked = validator.validate(json(polygon(doubleClick)), null);

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.shape().orElseThrow().getCoordinates()).hasSize(5);
        assertThat(only(checked, FindingKind.REPEATED_VERTEX_REMOVED).severity()).isEqualTo(Severity.REPAIRED);
    }

    @Test
    void unclosedRingClosed() {
        String open = ring(lonLat(0, 0), lonLat(1, 0), lonLat(1, 1), lonLat(0, 1), lonLat(0, 1));

        CheckedShape checked = validator.validate(json(polygon(open)), null);

        assertThat(checked.accepted()).isTrue();
        assertThat(kinds(checked)).containsExactly(FindingKind.REPEATED_VERTEX_REMOVED, FindingKind.RING_CLOSED);
        Polygon shape = (Polygon) checked.shape().orElseThrow().getGeometryN(0);
        assertThat(shape.getExteriorRing().isClosed()).isTrue();
        assertThat(shape.getExteriorRing().getNumPoints()).isEqualTo(5);
    }

    @Test
    void holesTouchingAtOneVertexAccepted() {
        CheckedShape checked = validator.validate(geoJson(
                "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2), (4 4, 4 6, 6 6, 6 4, 4 4))"), null);

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.findings()).isEmpty();
        assertThat(((Polygon) checked.shape().orElseThrow().getGeometryN(0)).getNumInteriorRing()).isEqualTo(2);
    }

    @Test
    void clockwiseRingStoredCounterClockwise() {
        CheckedShape checked = validator.validate(geoJson(
                "POLYGON((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))"), null);

        assertThat(checked.accepted()).isTrue();
        assertThat(kinds(checked)).containsExactly(FindingKind.SHELL_REORIENTED, FindingKind.HOLE_REORIENTED);
        Polygon shape = (Polygon) checked.shape().orElseThrow().getGeometryN(0);
        assertThat(Orientation.isCCW(shape.getExteriorRing().getCoordinateSequence())).isTrue();
        assertThat(Orientation.isCCW(shape.getInteriorRingN(0).getCoordinateSequence())).isFalse();
    }

    @Test
    void counterClockwiseInputNeedsNoRepair() {
        CheckedShape checked = validator.validate(geoJson(
                "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))"), null);

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.findings()).isEmpty();
    }

    @Test
    void multiPolygonAcceptedWherePolygonExpected() {
        CheckedShape single = validator.validate(geoJson("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)))"), null);
        CheckedShape two = validator.validate(geoJson(
                "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((3 0, 4 0, 4 1, 3 1, 3 0)))"), null);

        assertThat(single.accepted()).isTrue();
        assertThat(single.shape().orElseThrow().getNumGeometries()).isEqualTo(1);
        assertThat(two.accepted()).isTrue();
        assertThat(two.shape().orElseThrow().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void polygonReturnedAsMultiPolygon() {
        CheckedShape checked = validator.validate(geoJson("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"), null);

        MultiPolygon shape = checked.shape().orElseThrow();
        assertThat(shape.getSRID()).isEqualTo(4490);
        assertThat(shape.getNumGeometries()).isEqualTo(1);
    }

    @Test
    void emptyCoordinatesRejectedWithFeatureNamed() {
        List<GeoJson.SubmittedFeature> features = GeoJson.features(json("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "东湖社区第3网格", "properties": {},
                   "geometry": {"type": "Polygon", "coordinates": []}},
                  {"type": "Feature", "properties": {"code": "441302001001004"},
                   "geometry": {"type": "Polygon", "coordinates": [[]]}}]}
                """));

        Finding empty = only(validator.validate(features.get(0).geometry(), features.get(0).name()), FindingKind.EMPTY);
        Finding emptyRing = only(validator.validate(features.get(1).geometry(), features.get(1).name()),
                FindingKind.EMPTY);

        assertThat(empty.feature()).isEqualTo("东湖社区第3网格");
        assertThat(empty.arguments()).containsExactly("coordinates");
        assertThat(emptyRing.feature()).isEqualTo("441302001001004");
        assertThat(emptyRing.arguments()).containsExactly("coordinates[0]");
    }

    @Test
    void nanRejectedWithFeatureNamed() {
        String withNaN = "[[114.0, 23.0], [114.001, NaN], [114.001, 23.001], [114.0, 23.0]]";

        Finding finding = only(validator.validate(json(polygon(withNaN)), "第7网格"), FindingKind.NON_FINITE);

        assertThat(finding.feature()).isEqualTo("第7网格");
        assertThat(finding.arguments()).containsExactly("coordinates[0][1]", "114.001", "NaN");
        assertThat(finding.location()).isNull();
    }

    @Test
    void infinityRejectedWithFeatureNamed() {
        String withInfinity = "[[114.0, 23.0], [114.001, 23.0], [Infinity, 23.001], [114.0, 23.0]]";
        String withOverflow = "[[114.0, 23.0], [114.001, 23.0], [114.001, 1e999], [114.0, 23.0]]";

        Finding infinity = only(validator.validate(json(polygon(withInfinity)), "第8网格"), FindingKind.NON_FINITE);
        Finding overflow = only(validator.validate(json(polygon(withOverflow)), "第9网格"), FindingKind.NON_FINITE);

        assertThat(infinity.feature()).isEqualTo("第8网格");
        assertThat(infinity.arguments()).containsExactly("coordinates[0][2]", "Infinity", "23.001");
        assertThat(overflow.feature()).isEqualTo("第9网格");
    }

    @Test
    void swappedLatLonOutOfRangeDetected() {
        String swapped = ring(new Coordinate(23.0, 114.0), new Coordinate(23.0, 114.001),
                new Coordinate(23.001, 114.001), new Coordinate(23.0, 114.0));

        Finding finding = only(validator.validate(json(polygon(swapped)), null), FindingKind.SWAPPED_LON_LAT);

        assertThat(finding.location().getEnvelopeInternal().intersects(HUIZHOU)).isTrue();
    }

    @Test
    void swappedLatLonNearExpectedAreaDetected() {
        ShapeValidator nearEquator = new ShapeValidator(new Envelope(30, 40, 10, 20));
        String swapped = ring(new Coordinate(15.0, 35.0), new Coordinate(15.0, 35.1),
                new Coordinate(15.1, 35.1), new Coordinate(15.0, 35.0));

        CheckedShape checked = nearEquator.validate(json(polygon(swapped)), null);

        assertThat(kinds(checked)).containsExactly(FindingKind.SWAPPED_LON_LAT);
    }

    @Test
    void outOfRangeNotSwappedRejected() {
        String offGlobe = ring(new Coordinate(200, 100), new Coordinate(201, 100), new Coordinate(201, 101),
                new Coordinate(200, 100));

        assertThat(kinds(validator.validate(json(polygon(offGlobe)), null))).containsExactly(FindingKind.OUT_OF_RANGE);
    }

    @Test
    void collinearRingRejectedAsDegenerate() {
        CheckedShape checked = validator.validate(geoJson("POLYGON((0 0, 1 0, 2 0, 0 0))"), null);

        assertThat(kinds(checked)).containsExactly(FindingKind.DEGENERATE_RING);
    }

    @Test
    void ringOfTwoPointsRejectedAsDegenerate() {
        String twoPoints = ring(lonLat(0, 0), lonLat(1, 0), lonLat(0, 0));

        assertThat(kinds(validator.validate(json(polygon(twoPoints)), null)))
                .containsExactly(FindingKind.DEGENERATE_RING);
    }

    @Test
    void holeOutsideShellRejected() {
        CheckedShape checked = validator.validate(geoJson(
                "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0), (5 5, 5 6, 6 6, 6 5, 5 5))"), null);

        assertThat(kinds(checked)).containsExactly(FindingKind.HOLE_OUTSIDE_SHELL);
        assertThat(checked.findings().get(0).location()).isNotNull();
    }

    @Test
    void overlappingPartsRejected() {
        CheckedShape checked = validator.validate(geoJson(
                "MULTIPOLYGON(((0 0, 2 0, 2 2, 0 2, 0 0)), ((1 1, 3 1, 3 3, 1 3, 1 1)))"), null);

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.findings()).singleElement().extracting(Finding::kind)
                .isIn(FindingKind.RINGS_CROSS, FindingKind.OVERLAPPING_PARTS);
    }

    @Test
    void ringTouchingItselfRejected() {
        CheckedShape checked = validator.validate(geoJson(
                "POLYGON((0 0, 4 0, 4 4, 2 4, 3 2, 1 2, 2 4, 0 4, 0 0))"), null);

        Finding touch = only(checked, FindingKind.SELF_INTERSECTION);
        assertThat(touch.location().getCoordinate().distance(lonLat(2, 4))).isLessThan(1e-7);
    }

    @Test
    void pointGeometryRejectedAsUnsupported() {
        Finding finding = only(validator.validate(json("{\"type\": \"Point\", \"coordinates\": [114, 23]}"), null),
                FindingKind.UNSUPPORTED_TYPE);

        assertThat(finding.arguments()).containsExactly("Point");
    }

    @Test
    void missingGeometryRejected() {
        assertThat(kinds(validator.validate(null, null))).containsExactly(FindingKind.MISSING_GEOMETRY);
    }

    @Test
    void textCoordinatesRejectedAsMalformed() {
        String text = "[[\"114.0\", 23.0], [114.001, 23.0], [114.001, 23.001], [114.0, 23.0]]";

        Finding finding = only(validator.validate(json(polygon(text)), null), FindingKind.MALFORMED_COORDINATES);

        assertThat(finding.arguments()).containsExactly("coordinates[0][0]");
    }

    @Test
    void coordinatesRoundedToSevenDecimals() {
        String precise = ring(new Coordinate(114.00000004, 23.0), new Coordinate(114.001, 23.00000006),
                new Coordinate(114.001, 23.001), new Coordinate(114.00000004, 23.0));

        MultiPolygon shape = validator.validate(json(polygon(precise)), null).shape().orElseThrow();

        assertThat(shape.getCoordinates()[0].x).isEqualTo(114.0);
        assertThat(shape.getCoordinates()[1].y).isEqualTo(23.0000001);
    }

    private static Finding only(CheckedShape checked, FindingKind kind) {
        List<Finding> matching = checked.findings().stream().filter(f -> f.kind() == kind).toList();
        assertThat(matching).as("findings of kind %s in %s", kind, checked.findings()).hasSize(1);
        return matching.get(0);
    }

    private static List<FindingKind> kinds(CheckedShape checked) {
        return checked.findings().stream().map(Finding::kind).toList();
    }

    private static String polygon(String ring) {
        return "{\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}";
    }

    private static String ring(Coordinate... positions) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < positions.length; i++) {
            out.append(i == 0 ? "" : ", ").append('[').append(positions[i].x).append(", ").append(positions[i].y)
                    .append(']');
        }
        return out.append(']').toString();
    }
}

package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Shared checks and fixtures for the geometry tests of the import. */
final class CoverageAssertions {

    private static final WKTReader WKT = new WKTReader(PolygonOps.FACTORY);

    private CoverageAssertions() {
    }

    static Geometry wkt(String text) {
        try {
            return WKT.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Invalid WKT in test fixture: " + text, e);
        }
    }

    /** Asserts that the parts are valid, do not overlap, and together cover the parent exactly. */
    static void assertCovers(Geometry parent, Map<String, ? extends Geometry> parts, double tolerance) {
        List<Geometry> all = new ArrayList<>(parts.values());
        for (var part : parts.entrySet()) {
            assertThat(part.getValue().isValid()).as("part %s is valid", part.getKey()).isTrue();
            assertThat(part.getValue().isEmpty()).as("part %s is empty", part.getKey()).isFalse();
        }

        Geometry union = PolygonOps.union(all);
        assertThat(PolygonOps.difference(parent, union).getArea()).as("gap area").isCloseTo(0, within(tolerance));
        assertThat(PolygonOps.difference(union, parent).getArea()).as("area outside parent")
                .isCloseTo(0, within(tolerance));

        double sum = all.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(sum).as("sum of part areas, which exceeds the parent's where parts overlap")
                .isCloseTo(parent.getArea(), within(tolerance));
    }
}

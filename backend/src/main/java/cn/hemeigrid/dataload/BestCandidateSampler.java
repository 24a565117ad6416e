package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Spreads points over a polygon by best-candidate sampling: each new point is
 * the one, out of a few uniform random candidates inside the polygon, that lies farthest from
 * all points placed so far. The result is as deterministic as the {@link Random} passed in.
 */
final class BestCandidateSampler {

    private static final int CANDIDATES_PER_POINT = 12;
    private static final int MAX_TRIES_PER_CANDIDATE = 10_000;

    private final Geometry area;
    private final IndexedPointInAreaLocator locator;
    private final Envelope envelope;
    private final Random random;

    BestCandidateSampler(Geometry area, Random random) {
        this.area = area;
        this.locator = new IndexedPointInAreaLocator(area);
        this.envelope = area.getEnvelopeInternal();
        this.random = random;
    }

    /**
     * Returns {@code count} new points strictly inside the area, rounded to the stored precision
     * and distinct from each other and from {@code existing}, which they keep away from.
     *
     * @throws IllegalStateException if no point inside the area is found, which happens only
     *     for an area that is tiny compared with its envelope
     */
    List<Coordinate> sample(List<Coordinate> existing, int count) {
        List<Coordinate> placed = new ArrayList<>(existing);
        List<Coordinate> added = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Coordinate best = null;
            double bestDistance = -1;
            for (int c = 0; c < CANDIDATES_PER_POINT; c++) {
                Coordinate candidate = randomInside();
                double distance = nearestDistance(candidate, placed);
                if (distance > bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            if (bestDistance == 0) {
                throw new IllegalStateException("No free point left inside area with envelope " + envelope);
            }
            placed.add(best);
            added.add(best);
        }
        return added;
    }

    /** Returns a uniform random point strictly inside the area, rounded to the stored precision. */
    Coordinate randomInside() {
        for (int i = 0; i < MAX_TRIES_PER_CANDIDATE; i++) {
            Coordinate candidate = SnapRoundedCoverage.round(new Coordinate(
                    envelope.getMinX() + random.nextDouble() * envelope.getWidth(),
                    envelope.getMinY() + random.nextDouble() * envelope.getHeight()));
            if (locator.locate(candidate) == Location.INTERIOR) {
                return candidate;
            }
        }
        throw new IllegalStateException("Found no point inside area with envelope " + envelope
                + " after " + MAX_TRIES_PER_CANDIDATE + " tries; area is " + area.getArea() + " square degrees");
    }

    private static double nearestDistance(Coordinate candidate, List<Coordinate> placed) {
        double nearest = Double.MAX_VALUE;
        for (Coordinate other : placed) {
            nearest = Math.min(nearest, candidate.distance(other));
        }
        return nearest;
    }
}

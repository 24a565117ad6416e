package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import cn.hemeigrid.dataload.HuizhouDataset.DedicatedType;
import cn.hemeigrid.dataload.HuizhouDataset.Grid;
import cn.hemeigrid.geo.GaussKruger;

/**
 * Places a few dozen dedicated grids (专属网格): rectangles 100 to 300 m a side, turned at a
 * random angle, each lying inside one village or community and over its basic grids. Most go
 * to urban communities. A dedicated grid takes the next serial of its village after the basic
 * grids.
 */
final class DedicatedGridPlanner {

    static final int URBAN_COUNT = 30;
    static final int RURAL_COUNT = 10;
    static final double MIN_SIDE_METRES = 100;
    static final double MAX_SIDE_METRES = 300;

    private static final long RANDOM_SEED = 0x64656469L;
    private static final int PLACEMENT_TRIES = 20;

    private static final List<DedicatedType> URBAN_TYPES = List.of(DedicatedType.SCHOOL, DedicatedType.HOSPITAL,
            DedicatedType.PARK, DedicatedType.OFFICE_TOWER, DedicatedType.MARKET, DedicatedType.GOVERNMENT,
            DedicatedType.RESEARCH_INSTITUTE);
    private static final List<DedicatedType> RURAL_TYPES = List.of(DedicatedType.INDUSTRIAL_PARK,
            DedicatedType.SCHOOL, DedicatedType.PARK, DedicatedType.MARKET);

    private final GaussKruger projection = new GaussKruger();
    private final Random random = new Random(RANDOM_SEED);

    /**
     * Returns the dedicated grids, at most one per village, in village code order.
     *
     * @param basicGrids the basic grids of all villages, to continue their numbering
     */
    List<Grid> plan(List<AdministrativeUnit> villages, List<Grid> basicGrids) {
        List<AdministrativeUnit> urban = new ArrayList<>();
        List<AdministrativeUnit> rural = new ArrayList<>();
        for (AdministrativeUnit village : villages) {
            (VillageNames.isUrban(village.code(), village.name()) ? urban : rural).add(village);
        }
        Collections.shuffle(urban, random);
        Collections.shuffle(rural, random);

        Map<String, List<String>> codesByVillage = new TreeMap<>();
        basicGrids.forEach(g -> codesByVillage.computeIfAbsent(g.villageCode(), code -> new ArrayList<>()).add(g.code()));

        Map<String, Grid> placed = new TreeMap<>();
        place(urban, URBAN_COUNT, URBAN_TYPES, codesByVillage, placed);
        place(rural, RURAL_COUNT, RURAL_TYPES, codesByVillage, placed);
        return List.copyOf(placed.values());
    }

    private void place(List<AdministrativeUnit> candidates, int count, List<DedicatedType> types,
                       Map<String, List<String>> codesByVillage, Map<String, Grid> placed) {
        int placedHere = 0;
        for (AdministrativeUnit village : candidates) {
            if (placedHere == count) {
                return;
            }
            Polygon footprint = footprintInside(village);
            if (footprint == null) {
                continue;
            }
            DedicatedType type = types.get(random.nextInt(types.size()));
            int serial = GridNumbering.nextSerial(village.code(), codesByVillage.getOrDefault(village.code(), List.of()));
            String name = VillageNames.shortName(village.name()) + type.label + "专属网格";
            placed.put(village.code(), new Grid(GridNumbering.gridCode(village.code(), serial), name, "dedicated", type,
                    village.code(), PolygonOps.toMultiPolygon(footprint)));
            placedHere++;
        }
    }

    /** Returns a random rectangle strictly inside the village, or null if none fits after a few tries. */
    private Polygon footprintInside(AdministrativeUnit village) {
        PreparedGeometry area = PreparedGeometryFactory.prepare(village.geometry());
        BestCandidateSampler sampler = new BestCandidateSampler(village.geometry(), random);
        for (int i = 0; i < PLACEMENT_TRIES; i++) {
            Polygon rectangle = rectangleAround(sampler.randomInside());
            if (area.containsProperly(rectangle)) {
                return rectangle;
            }
        }
        return null;
    }

    private Polygon rectangleAround(Coordinate centre) {
        double halfWidth = sideMetres() / 2;
        double halfHeight = sideMetres() / 2;
        double angle = random.nextDouble() * Math.PI / 2;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        Coordinate middle = projection.project(centre);

        double[][] corners = {{-halfWidth, -halfHeight}, {halfWidth, -halfHeight}, {halfWidth, halfHeight},
                {-halfWidth, halfHeight}, {-halfWidth, -halfHeight}};
        Coordinate[] ring = new Coordinate[corners.length];
        for (int i = 0; i < corners.length; i++) {
            double x = middle.x + corners[i][0] * cos - corners[i][1] * sin;
            double y = middle.y + corners[i][0] * sin + corners[i][1] * cos;
            ring[i] = SnapRoundedCoverage.round(projection.unproject(new Coordinate(x, y)));
        }
        ring[ring.length - 1] = ring[0];
        return PolygonOps.FACTORY.createPolygon(ring);
    }

    private double sideMetres() {
        return MIN_SIDE_METRES + random.nextDouble() * (MAX_SIDE_METRES - MIN_SIDE_METRES);
    }
}

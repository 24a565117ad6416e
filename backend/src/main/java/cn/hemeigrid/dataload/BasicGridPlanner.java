package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

import cn.hemeigrid.dataload.HuizhouDataset.Grid;
import cn.hemeigrid.dataload.VoronoiPartition.Seed;
import cn.hemeigrid.geo.GaussKruger;

/**
 * Splits each village or community into basic grids that cover it exactly: Voronoi cells of
 * points spread by best-candidate sampling, clipped to the village, numbered by
 * {@link GridNumbering}. Urban communities get smaller grids than rural villages, as in field
 * practice where an urban grid is a few blocks and a rural grid one villagers' group.
 */
final class BasicGridPlanner {

    /**
     * Target grid areas in square metres. gis-data/ has no household counts, so these are
     * chosen to give most units a handful of grids, not derived from the 300 to 500 households
     * per grid of field practice.
     */
    static final double URBAN_GRID_AREA = 200_000;
    static final double RURAL_GRID_AREA = 3_000_000;
    static final int MIN_GRIDS = 2;
    static final int MAX_GRIDS = 12;

    private static final long SEED_SALT = 0x67726964L;

    private final GaussKruger projection = new GaussKruger();

    /** Returns the basic grids of every village, by village code order. */
    List<Grid> plan(List<AdministrativeUnit> villages) {
        List<Grid> grids = new ArrayList<>();
        for (AdministrativeUnit village : villages) {
            grids.addAll(plan(village));
        }
        return grids;
    }

    List<Grid> plan(AdministrativeUnit village) {
        MultiPolygon area = village.geometry();
        int count = gridCount(village);

        List<Coordinate> points = new BestCandidateSampler(area,
                new Random(AdministrativeLayout.seedOf(village.code(), SEED_SALT))).sample(List.of(), count);
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            seeds.add(new Seed(String.format("%03d", i), points.get(i)));
        }
        Map<String, MultiPolygon> cells = VoronoiPartition.split(area, seeds);

        double rowHeight = 0.5 * Math.sqrt(area.getArea() / count);
        List<MultiPolygon> ordered = GridNumbering.readingOrder(cells.values(),
                cell -> cell.getCentroid().getCoordinate(), rowHeight);

        String shortName = VillageNames.shortName(village.name());
        List<Grid> grids = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            int serial = i + 1;
            grids.add(new Grid(GridNumbering.gridCode(village.code(), serial), shortName + "第" + serial + "网格",
                    "basic", null, village.code(), ordered.get(i)));
        }
        return grids;
    }

    private int gridCount(AdministrativeUnit village) {
        double squareMetres = projection.areaSquareMetres(village.geometry());
        double target = VillageNames.isUrban(village.code(), village.name()) ? URBAN_GRID_AREA : RURAL_GRID_AREA;
        long count = Math.round(squareMetres / target);
        return (int) Math.max(MIN_GRIDS, Math.min(MAX_GRIDS, count));
    }
}

package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;

import cn.hemeigrid.dataload.HuizhouDataset.Facility;
import cn.hemeigrid.dataload.HuizhouDataset.Grid;

/**
 * Scatters a few hundred facilities (部件) over the basic grids, seven in ten of them in urban
 * communities, each at a random point strictly inside one basic grid. Names are the kind's
 * Chinese name and a serial per kind, such as 消防栓-0001.
 */
final class FacilityPlanner {

    static final int FACILITY_COUNT = 400;
    static final double URBAN_SHARE = 0.7;

    private static final long RANDOM_SEED = 0x66616369L;

    /** Facility kinds as in the facility table, with their Chinese names and relative frequency. */
    private enum Kind {
        FIRE_HYDRANT("fire_hydrant", "消防栓", 6),
        MANHOLE_COVER("manhole_cover", "井盖", 6),
        STREETLIGHT("streetlight", "路灯", 6),
        CAMERA("camera", "视频监控", 4),
        WASTE_POINT("waste_point", "垃圾收集点", 4),
        PUBLIC_TOILET("public_toilet", "公共厕所", 2),
        SHELTER("shelter", "应急避难场所", 1),
        SERVICE_CENTRE("service_centre", "党群服务中心", 1);

        final String code;
        final String label;
        final int weight;

        Kind(String code, String label, int weight) {
            this.code = code;
            this.label = label;
            this.weight = weight;
        }
    }

    private final Random random = new Random(RANDOM_SEED);

    /** @param villages used to tell urban from rural grids, by the grid's village code */
    List<Facility> plan(List<Grid> basicGrids, Map<String, AdministrativeUnit> villages) {
        List<Grid> urban = new ArrayList<>();
        List<Grid> rural = new ArrayList<>();
        for (Grid grid : basicGrids) {
            AdministrativeUnit village = villages.get(grid.villageCode());
            (VillageNames.isUrban(village.code(), village.name()) ? urban : rural).add(grid);
        }

        Map<Kind, Integer> serials = new TreeMap<>();
        List<Facility> facilities = new ArrayList<>(FACILITY_COUNT);
        for (int i = 0; i < FACILITY_COUNT; i++) {
            boolean wantUrban = random.nextDouble() < URBAN_SHARE;
            List<Grid> pool = wantUrban && !urban.isEmpty() || rural.isEmpty() ? urban : rural;
            Grid grid = pool.get(random.nextInt(pool.size()));
            Coordinate at = new BestCandidateSampler(grid.geometry(), random).randomInside();

            Kind kind = randomKind();
            int serial = serials.merge(kind, 1, Integer::sum);
            facilities.add(new Facility(kind.code, kind.label + "-" + String.format("%04d", serial),
                    SnapRoundedCoverage.point(at)));
        }
        return facilities;
    }

    private Kind randomKind() {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        int pick = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            pick -= kind.weight;
            if (pick < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("Unreachable: weights sum to " + total);
    }
}

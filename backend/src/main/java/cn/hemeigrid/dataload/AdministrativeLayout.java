package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

import cn.hemeigrid.dataload.CentreMatcher.MatchedCentres;
import cn.hemeigrid.dataload.CentreMatcher.SetAsideCentre;
import cn.hemeigrid.dataload.HuizhouSources.County;
import cn.hemeigrid.dataload.HuizhouSources.Township;
import cn.hemeigrid.dataload.HuizhouSources.Village;
import cn.hemeigrid.dataload.VoronoiPartition.Seed;

/**
 * Lays out the administrative units: the real city and county outlines, and generated township
 * and village polygons that cover their county and township exactly.
 *
 * <p>Counties: the published outlines may overlap along shared borders. Each county is
 * clipped to the city outline, and the counties with lower codes are subtracted from it, so
 * that a disputed strip goes to the county with the lower code. Small detached pieces that this
 * leaves along a border go to the neighbour across that border. Gaps between counties stay.
 *
 * <p>Townships: Voronoi cells within the county of the known township centres and of the known
 * village centres (each counting for its township), united per township. A township without
 * any known point gets a generated seed, spread out by best-candidate sampling. Villages: the
 * same within their township, with the known village centres and generated seeds for the
 * rest. So every known centre lies inside its own township and village polygon. A known point
 * outside its county's outline is set aside and its unit treated as unknown.
 */
final class AdministrativeLayout {

    /** Detached county pieces below this share of the mean county area go to a neighbour. */
    private static final double COUNTY_FRAGMENT_SHARE = 0.001;

    private static final long TOWNSHIP_SEED_SALT = 0x746f776eL;
    private static final long VILLAGE_SEED_SALT = 0x76696c6cL;

    /** The units in insertion order, and the known centres set aside because they lie outside their county. */
    record Layout(List<AdministrativeUnit> units, List<SetAsideCentre> setAside) {
    }

    private final HuizhouSources sources;
    private final MatchedCentres centres;
    private final Map<String, String> sourceNames = new TreeMap<>();
    private final List<AdministrativeUnit> units = new ArrayList<>();
    private final List<SetAsideCentre> setAside = new ArrayList<>();

    private AdministrativeLayout(HuizhouSources sources, MatchedCentres centres) {
        this.sources = sources;
        this.centres = centres;
        sources.townships().forEach(t -> sourceNames.put(t.code(), t.name()));
        sources.villages().forEach(v -> sourceNames.put(v.code(), v.name()));
    }

    static Layout layOut(HuizhouSources sources, MatchedCentres centres) {
        return new AdministrativeLayout(sources, centres).build();
    }

    private Layout build() {
        County city = sources.city();
        units.add(new AdministrativeUnit(city.code(), "city", city.name(), null, city.outline(),
                interiorPoint(city.outline()), false, true));

        SortedMap<String, MultiPolygon> counties = cleanCounties(city.outline(), sources.counties());
        for (County county : sources.counties().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            MultiPolygon outline = counties.get(county.code());
            units.add(new AdministrativeUnit(county.code(), "county", county.name(), city.code(), outline,
                    interiorPoint(outline), false, true));
        }
        for (var county : counties.entrySet()) {
            layOutTownships(county.getKey(), county.getValue());
        }
        return new Layout(List.copyOf(units), List.copyOf(setAside));
    }

    /** Applies the county rule described on the class. */
    static SortedMap<String, MultiPolygon> cleanCounties(MultiPolygon city, List<County> counties) {
        SortedMap<String, MultiPolygon> clean = new TreeMap<>();
        List<Geometry> lowerCodes = new ArrayList<>();
        for (County county : counties.stream().sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            Geometry inCity = PolygonOps.intersection(county.outline(), city);
            Geometry own = lowerCodes.isEmpty() ? inCity
                    : PolygonOps.difference(inCity, PolygonOps.union(lowerCodes));
            clean.put(county.code(), PolygonOps.toMultiPolygon(own));
            lowerCodes.add(own);
        }
        double maxFragmentArea = COUNTY_FRAGMENT_SHARE * city.getArea() / counties.size();
        SortedMap<String, MultiPolygon> merged = FragmentMerger.merge(clean, maxFragmentArea, Map.of());
        merged.replaceAll((code, county) -> PolygonOps.normalized(county));
        return merged;
    }

    private void layOutTownships(String countyCode, MultiPolygon county) {
        List<Township> townships = sources.townships().stream()
                .filter(t -> t.countyCode().equals(countyCode))
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();

        List<Seed> seeds = new ArrayList<>();
        for (var centre : centres.townships().entrySet()) {
            if (centre.getKey().startsWith(countyCode.substring(0, 6)) && insideCounty(centre, county, countyCode)) {
                seeds.add(new Seed(centre.getKey(), centre.getValue()));
            }
        }
        for (var centre : centres.villages().entrySet()) {
            if (centre.getKey().startsWith(countyCode.substring(0, 6)) && insideCounty(centre, county, countyCode)) {
                seeds.add(new Seed(centre.getKey().substring(0, 9) + "000", centre.getValue()));
            }
        }
        List<String> withoutSeed = townships.stream().map(Township::code)
                .filter(code -> seeds.stream().noneMatch(seed -> seed.label().equals(code)))
                .toList();
        seeds.addAll(generatedSeeds(county, seeds, withoutSeed, seedOf(countyCode, TOWNSHIP_SEED_SALT)));

        SortedMap<String, MultiPolygon> polygons = VoronoiPartition.split(county, seeds);
        for (Township township : townships) {
            MultiPolygon polygon = polygons.get(township.code());
            Coordinate known = knownTownshipCentre(township.code(), county);
            units.add(new AdministrativeUnit(township.code(), "township", township.name(), countyCode, polygon,
                    known != null ? SnapRoundedCoverage.point(known) : interiorPoint(polygon), known != null, false));
        }
        for (Township township : townships) {
            layOutVillages(township.code(), polygons.get(township.code()));
        }
    }

    private void layOutVillages(String townshipCode, MultiPolygon township) {
        List<Village> villages = sources.villages().stream()
                .filter(v -> v.townshipCode().equals(townshipCode))
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();

        List<Seed> seeds = new ArrayList<>();
        List<String> withoutSeed = new ArrayList<>();
        for (Village village : villages) {
            Coordinate known = knownVillageCentre(village.code());
            if (known != null) {
                seeds.add(new Seed(village.code(), known));
            } else {
                withoutSeed.add(village.code());
            }
        }
        List<Seed> generated = generatedSeeds(township, seeds, withoutSeed, seedOf(townshipCode, VILLAGE_SEED_SALT));
        seeds.addAll(generated);

        SortedMap<String, MultiPolygon> polygons = VoronoiPartition.split(township, seeds);
        for (Village village : villages) {
            Coordinate known = knownVillageCentre(village.code());
            Coordinate centre = known != null ? known : seeds.stream()
                    .filter(seed -> seed.label().equals(village.code())).findFirst().orElseThrow().at();
            units.add(new AdministrativeUnit(village.code(), "village", village.name(), townshipCode,
                    polygons.get(village.code()), SnapRoundedCoverage.point(centre), known != null, false));
        }
    }

    private static List<Seed> generatedSeeds(MultiPolygon area, List<Seed> known, List<String> labels, long randomSeed) {
        List<Coordinate> existing = known.stream().map(Seed::at).toList();
        List<Coordinate> points = new BestCandidateSampler(area, new Random(randomSeed)).sample(existing, labels.size());
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            seeds.add(new Seed(labels.get(i), points.get(i)));
        }
        return seeds;
    }

    private boolean insideCounty(Map.Entry<String, Coordinate> centre, MultiPolygon county, String countyCode) {
        if (county.contains(SnapRoundedCoverage.point(centre.getValue()))) {
            return true;
        }
        String reason = "lies outside the outline of county " + countyCode + "; unit treated as without a known centre";
        if (setAside.stream().noneMatch(s -> s.code().equals(centre.getKey()))) {
            setAside.add(new SetAsideCentre(centre.getKey(), sourceNames.get(centre.getKey()), reason));
        }
        return false;
    }

    private Coordinate knownTownshipCentre(String code, MultiPolygon county) {
        Coordinate at = centres.townships().get(code);
        return at != null && county.contains(SnapRoundedCoverage.point(at)) ? at : null;
    }

    private Coordinate knownVillageCentre(String code) {
        boolean outside = setAside.stream().anyMatch(s -> s.code().equals(code));
        return outside ? null : centres.villages().get(code);
    }

    private static Point interiorPoint(Geometry polygon) {
        return SnapRoundedCoverage.point(InteriorPointArea.getInteriorPoint(polygon));
    }

    static long seedOf(String code, long salt) {
        return Long.parseLong(code) * 1_000_003L ^ salt;
    }
}

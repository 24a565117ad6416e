package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;

import cn.hemeigrid.dataload.HuizhouSources.SurveyedCentre;
import cn.hemeigrid.dataload.HuizhouSources.Township;
import cn.hemeigrid.dataload.HuizhouSources.Village;

/**
 * Matches the 2016 centre points to the 2023 units, which are the authority.
 *
 * <p>A point matches the 2023 unit with the same code when the names agree once the suffixes
 * that vary between the years (街道办事处, 镇, 村民委员会, 生活区, ...) are removed. Otherwise
 * it matches by that name: a township within the same county, a village within the 2023
 * township that its 2016 township matches. This catches towns that became streets (罗阳镇 →
 * 罗阳街道) and renumbered streets and their villages.
 *
 * <p>A point that matches nothing, or matches a unit that an earlier point already matched, is
 * set aside. So are points that coincide exactly with a point of another village or township:
 * one geocoded location cannot be the centre of two villages. Of such a group only the point
 * nearest its own township's centre is kept.
 */
final class CentreMatcher {

    private static final List<String> TOWNSHIP_SUFFIXES =
            List.of("街道办事处", "管理委员会", "办事处", "管委会", "街道", "镇", "乡");
    private static final List<String> VILLAGE_SUFFIXES =
            List.of("村民委员会", "居民委员会", "村委会", "居委会", "委员会", "生活区");

    /** A centre point that the import does not use, with the reason. */
    record SetAsideCentre(String code, String name, String reason) {
    }

    /**
     * The centre points the import uses, by 2023 code, and those it sets aside.
     *
     * @param townships township centres by 2023 township code
     * @param villages village centres by 2023 village code
     */
    record MatchedCentres(SortedMap<String, Coordinate> townships, SortedMap<String, Coordinate> villages,
                          List<SetAsideCentre> setAside) {
    }

    private record Match(SurveyedCentre source, String unitCode, String townshipCode) {

        boolean isTownship() {
            return source.township();
        }
    }

    private final Map<String, Township> townships = new TreeMap<>();
    private final Map<String, Village> villages = new TreeMap<>();
    private final List<SetAsideCentre> setAside = new ArrayList<>();

    private CentreMatcher(HuizhouSources sources) {
        sources.townships().forEach(t -> townships.put(t.code(), t));
        sources.villages().forEach(v -> villages.put(v.code(), v));
    }

    static MatchedCentres match(HuizhouSources sources) {
        return new CentreMatcher(sources).matchAll(sources.centres());
    }

    private MatchedCentres matchAll(List<SurveyedCentre> centres) {
        List<Match> matches = new ArrayList<>();
        Map<String, SurveyedCentre> matchedUnits = new TreeMap<>();
        List<SurveyedCentre> byCode = centres.stream().sorted(Comparator.comparing(SurveyedCentre::code)).toList();
        for (SurveyedCentre centre : byCode) {
            Optional<Match> match = centre.township() ? matchTownship(centre) : matchVillage(centre);
            if (match.isEmpty()) {
                setAside.add(new SetAsideCentre(centre.code(), centre.name(), "no 2023 unit with this code or name"));
            } else if (matchedUnits.containsKey(match.get().unitCode())) {
                SurveyedCentre first = matchedUnits.get(match.get().unitCode());
                setAside.add(new SetAsideCentre(centre.code(), centre.name(), "2023 unit " + match.get().unitCode()
                        + " already has the centre of " + first.name() + " (" + first.code() + ")"));
            } else {
                matchedUnits.put(match.get().unitCode(), centre);
                matches.add(match.get());
            }
        }

        List<Match> usable = dropSharedPoints(matches);

        SortedMap<String, Coordinate> townshipCentres = new TreeMap<>();
        SortedMap<String, Coordinate> villageCentres = new TreeMap<>();
        for (Match match : usable) {
            (match.isTownship() ? townshipCentres : villageCentres).put(match.unitCode(), match.source().at());
        }
        return new MatchedCentres(townshipCentres, villageCentres, List.copyOf(setAside));
    }

    private Optional<Match> matchTownship(SurveyedCentre centre) {
        return resolveTownship(centre.code(), centre.name())
                .map(code -> new Match(centre, code, code));
    }

    private Optional<Match> matchVillage(SurveyedCentre centre) {
        String baseName = baseName(centre.name(), VILLAGE_SUFFIXES);
        Village sameCode = villages.get(centre.code());
        if (sameCode != null && baseName(sameCode.name(), VILLAGE_SUFFIXES).equals(baseName)) {
            return Optional.of(new Match(centre, sameCode.code(), sameCode.townshipCode()));
        }

        Optional<String> township = resolveTownship(centre.parentCode(), centre.parentName());
        if (township.isEmpty()) {
            return Optional.empty();
        }
        List<Village> sameName = villages.values().stream()
                .filter(v -> v.townshipCode().equals(township.get()))
                .filter(v -> baseName(v.name(), VILLAGE_SUFFIXES).equals(baseName))
                .toList();
        return sameName.size() == 1
                ? Optional.of(new Match(centre, sameName.get(0).code(), township.get()))
                : Optional.empty();
    }

    /** Finds the 2023 township for a 2016 township code and name: same code and name, else same name in the county. */
    private Optional<String> resolveTownship(String code2016, String name2016) {
        String baseName = baseName(name2016, TOWNSHIP_SUFFIXES);
        Township sameCode = townships.get(code2016);
        if (sameCode != null && baseName(sameCode.name(), TOWNSHIP_SUFFIXES).equals(baseName)) {
            return Optional.of(sameCode.code());
        }
        String countyCode = code2016.substring(0, 6) + "000000";
        List<Township> sameName = townships.values().stream()
                .filter(t -> t.countyCode().equals(countyCode))
                .filter(t -> baseName(t.name(), TOWNSHIP_SUFFIXES).equals(baseName))
                .toList();
        return sameName.size() == 1 ? Optional.of(sameName.get(0).code()) : Optional.empty();
    }

    /**
     * Keeps, of each group of points at exactly the same place, the point nearest the centre of
     * its own township, where a township centre has distance 0. The centre of that township
     * stays too, and the others are set aside. A group where no township centre is known is set
     * aside whole, unless it belongs to one township and contains at most one village.
     */
    private List<Match> dropSharedPoints(List<Match> matches) {
        Map<String, Coordinate> townshipCentres = new TreeMap<>();
        matches.stream().filter(Match::isTownship).forEach(m -> townshipCentres.put(m.unitCode(), m.source().at()));

        SortedMap<Coordinate, List<Match>> byPoint = new TreeMap<>();
        matches.forEach(m -> byPoint.computeIfAbsent(m.source().at(), at -> new ArrayList<>()).add(m));

        List<Match> usable = new ArrayList<>();
        for (List<Match> group : byPoint.values()) {
            boolean oneTownship = group.stream().map(Match::townshipCode).distinct().count() == 1;
            boolean atMostOneVillage = group.stream().filter(m -> !m.isTownship()).count() <= 1;
            if (oneTownship && atMostOneVillage) {
                usable.addAll(group);
                continue;
            }

            Comparator<Match> nearestOwnCentre = Comparator.comparingDouble((Match m) ->
                    townshipCentres.containsKey(m.townshipCode())
                            ? m.source().at().distance(townshipCentres.get(m.townshipCode()))
                            : Double.POSITIVE_INFINITY);
            Match keeper = group.stream()
                    .min(nearestOwnCentre.thenComparing(Match::isTownship, Comparator.reverseOrder())
                            .thenComparing(Match::unitCode))
                    .filter(m -> townshipCentres.containsKey(m.townshipCode()))
                    .orElse(null);
            for (Match match : group) {
                boolean keep = keeper != null && (match == keeper
                        || match.isTownship() && match.townshipCode().equals(keeper.townshipCode()));
                if (keep) {
                    usable.add(match);
                } else {
                    setAside.add(new SetAsideCentre(match.source().code(), match.source().name(), keeper == null
                            ? "shares its point with another unit, and no township centre is known to tell which"
                                    + " unit the point belongs to"
                            : "shares its point with " + keeper.source().name() + " (" + keeper.unitCode()
                                    + "), which was kept as the point nearest its own township centre"));
                }
            }
        }
        return usable;
    }

    static String baseName(String name, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}

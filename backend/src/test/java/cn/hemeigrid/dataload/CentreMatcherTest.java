package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import cn.hemeigrid.dataload.CentreMatcher.MatchedCentres;
import cn.hemeigrid.dataload.CentreMatcher.SetAsideCentre;
import cn.hemeigrid.dataload.HuizhouSources.SurveyedCentre;
import cn.hemeigrid.dataload.HuizhouSources.Township;
import cn.hemeigrid.dataload.HuizhouSources.Village;

class CentreMatcherTest {

    private static final List<Township> TOWNSHIPS = List.of(
            new Township("441322001000", "罗阳街道", "441322000000"),
            new Township("441322105000", "杨村镇", "441322000000"),
            new Township("441322113000", "湖镇镇", "441322000000"));
    private static final List<Village> VILLAGES = List.of(
            new Village("441322001201", "鸡麻地村民委员会", "441322001000"),
            new Village("441322105206", "陈村村民委员会", "441322105000"),
            new Village("441322113207", "陈村村民委员会", "441322113000"));

    private static MatchedCentres match(SurveyedCentre... centres) {
        HuizhouSources sources = new HuizhouSources(null, List.of(), TOWNSHIPS, VILLAGES, List.of(centres));
        return CentreMatcher.match(sources);
    }

    private static SurveyedCentre township(String code, String name, double x, double y) {
        return new SurveyedCentre(code, name, true, "441322000000", "博罗县", new Coordinate(x, y));
    }

    private static SurveyedCentre village(String code, String name, String townshipCode, String townshipName,
                                          double x, double y) {
        return new SurveyedCentre(code, name, false, townshipCode, townshipName, new Coordinate(x, y));
    }

    @Test
    void sameCodeAndNameMatches() {
        MatchedCentres matched = match(township("441322113000", "湖镇镇", 114.15, 23.25));

        assertThat(matched.townships()).containsOnlyKeys("441322113000");
        assertThat(matched.setAside()).isEmpty();
    }

    @Test
    void townBecomeStreetMatchesByName() {
        MatchedCentres matched = match(
                township("441322110000", "罗阳镇", 114.28, 23.16),
                village("441322110201", "鸡麻地村民委员会", "441322110000", "罗阳镇", 114.29, 23.17));

        assertThat(matched.townships()).containsOnlyKeys("441322001000");
        assertThat(matched.villages()).containsOnlyKeys("441322001201");
    }

    @Test
    void sameCodeWithOtherNameDoesNotMatch() {
        MatchedCentres matched = match(township("441322105000", "湖镇镇", 114.15, 23.25));

        assertThat(matched.townships()).containsOnlyKeys("441322113000");
    }

    @Test
    void unknownCodeAndNameIsSetAside() {
        MatchedCentres matched = match(township("441322999000", "无此镇", 114.0, 23.0));

        assertThat(matched.townships()).isEmpty();
        assertThat(matched.setAside()).extracting(SetAsideCentre::code).containsExactly("441322999000");
    }

    @Test
    void sharedPointGoesToVillageNearerItsTownship() {
        MatchedCentres matched = match(
                township("441322105000", "杨村镇", 114.47, 23.43),
                township("441322113000", "湖镇镇", 114.15, 23.25),
                village("441322105206", "陈村村民委员会", "441322105000", "杨村镇", 114.151708, 23.24075),
                village("441322113207", "陈村村民委员会", "441322113000", "湖镇镇", 114.151708, 23.24075));

        assertThat(matched.villages()).containsOnlyKeys("441322113207");
        assertThat(matched.setAside()).extracting(SetAsideCentre::code).containsExactly("441322105206");
    }

    @Test
    void sharedPointWithoutTownshipCentresIsDropped() {
        MatchedCentres matched = match(
                village("441322105206", "陈村村民委员会", "441322105000", "杨村镇", 114.151708, 23.24075),
                village("441322113207", "陈村村民委员会", "441322113000", "湖镇镇", 114.151708, 23.24075));

        assertThat(matched.villages()).isEmpty();
        assertThat(matched.setAside()).hasSize(2);
    }

    @Test
    void huizhouCentresMatchAllButThreeSharedPoints() {
        HuizhouSources sources = HuizhouSourceReader.fromClasspath().read();

        MatchedCentres matched = CentreMatcher.match(sources);

        assertThat(sources.centres()).hasSize(162);
        assertThat(matched.townships()).hasSize(70);
        assertThat(matched.villages()).hasSize(89);
        assertThat(matched.townships()).containsKeys("441322001000", "441322002000", "441323002000", "441324002000");
        assertThat(matched.villages()).containsKeys("441322002201", "441322002207");
        assertThat(matched.setAside()).extracting(SetAsideCentre::code)
                .containsExactlyInAnyOrder("441322105206", "441303109217", "441323115208");
    }
}

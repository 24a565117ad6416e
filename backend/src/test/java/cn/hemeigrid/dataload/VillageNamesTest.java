package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VillageNamesTest {

    @Test
    void shortNameDropsCommitteeSuffix() {
        assertThat(VillageNames.shortName("东湖社区居委会")).isEqualTo("东湖社区");
        assertThat(VillageNames.shortName("梁化社区居民委员会")).isEqualTo("梁化社区");
        assertThat(VillageNames.shortName("下角村民委员会")).isEqualTo("下角村");
        assertThat(VillageNames.shortName("新乐村村民委员会")).isEqualTo("新乐村");
    }

    @Test
    void shortNameKeepsNamesWithoutSuffix() {
        assertThat(VillageNames.shortName("象头山林场生活区")).isEqualTo("象头山林场生活区");
        assertThat(VillageNames.shortName("朝田办事处社区")).isEqualTo("朝田办事处社区");
    }

    @Test
    void streetsAndCommunitiesAreUrban() {
        assertThat(VillageNames.isUrban("441302003200", "下角村民委员会")).isTrue();
        assertThat(VillageNames.isUrban("441323103001", "梁化社区居民委员会")).isTrue();
        assertThat(VillageNames.isUrban("441322103206", "南村村民委员会")).isFalse();
    }
}

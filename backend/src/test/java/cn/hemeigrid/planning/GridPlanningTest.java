package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grid changes through the services on a test village of 10 × 10 cells; each test rolls its
 * fixture back.
 */
@PostgisTest
@Transactional
class GridPlanningTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GridPlanning planning;

    @Autowired
    GridRestructuring restructuring;

    @Autowired
    GridCodes codes;

    TestVillage village;

    @BeforeEach
    void insertVillage() {
        village = new TestVillage(jdbc, "97", 113.50, 21.50);
        village.insert();
    }

    @Test
    void createProposesNextFreeCode() {
        GridPlanning.Outcome first = create(null, village.cellsGeoJson(0, 0, 5, 10));
        GridPlanning.Outcome second = create(null, village.cellsGeoJson(5, 0, 5, 10));

        assertThat(first.changed().get(0).code()).isEqualTo(village.gridCode(1));
        assertThat(first.changed().get(0).version()).isEqualTo(1);
        assertThat(first.changed().get(0).name()).isEqualTo("测试社区第1网格");
        assertThat(second.changed().get(0).code()).isEqualTo(village.gridCode(2));
    }

    @Test
    void createRecordsFirstVersion() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);

        Map<String, Object> version = jdbc.sql("SELECT version, change, valid_to FROM grid_version WHERE grid_id = ?")
                .param(grid.id()).query().singleRow();
        assertThat(version.get("version")).isEqualTo(1);
        assertThat(version.get("change")).isEqualTo("created");
        assertThat(version.get("valid_to")).isNull();
    }

    @Test
    void overlappingBasicGridRejected() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> create(null, village.cellsGeoJson(4, 0, 6, 10)));

        assertThat(rejection.status().value()).isEqualTo(422);
        assertThat(rejection.messageKey()).isEqualTo("planning.shape-rejected");
        assertThat(kinds(rejection)).containsExactly("overlap");
    }

    @Test
    void dedicatedGridMayLieOverBasicGrid() {
        village.insertGrid(1, village.cells(0, 0, 10, 10));

        GridPlanning.Outcome outcome = planning.create(new GridPlanning.NewGrid(village.villageCode(), null, "测试小学",
                "dedicated", "school", null, geometry(village.cellsGeoJson(2, 2, 2, 2))));

        assertThat(outcome.changed().get(0).kind()).isEqualTo("dedicated");
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void gridOutsideVillageRejected() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> create(null, village.cellsGeoJson(8, 0, 4, 4)));

        assertThat(kinds(rejection)).containsExactly("outside-village");
    }

    @Test
    void staleVersionConflictsWithCurrentVersion() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);
        planning.reshape(grid.code(), 1, geometry(village.cellsGeoJson(0, 0, 6, 10)));

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> planning.reshape(grid.code(), 1, geometry(village.cellsGeoJson(0, 0, 4, 10))));

        assertThat(rejection.status().value()).isEqualTo(409);
        assertThat(rejection.messageKey()).isEqualTo("planning.version-stale");
        assertThat(rejection.properties()).containsEntry("currentVersion", 2);
    }

    @Test
    void reshapeKeepsOldVersionInHistory() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);

        PlannedGrid reshaped = planning.reshape(grid.code(), 1, geometry(village.cellsGeoJson(0, 0, 6, 10)))
                .changed().get(0);

        assertThat(reshaped.version()).isEqualTo(2);
        List<Map<String, Object>> versions = jdbc.sql("""
                        SELECT version, change, valid_to IS NOT NULL AS closed, ST_Area(geom::geography) AS area
                          FROM grid_version WHERE grid_id = ? ORDER BY version
                        """)
                .param(grid.id()).query().listOfRows();
        assertThat(versions).extracting(v -> v.get("change")).containsExactly("created", "reshaped");
        assertThat(versions).extracting(v -> v.get("closed")).containsExactly(true, false);
        assertThat((Double) versions.get(0).get("area")).isLessThan((Double) versions.get(1).get("area"));
    }

    @Test
    void shrinkingReshapeWarnsOfGap() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        PlannedGrid east = create(null, village.cellsGeoJson(5, 0, 5, 10)).changed().get(0);

        GridPlanning.Outcome outcome = planning.reshape(east.code(), 1, geometry(village.cellsGeoJson(6, 0, 4, 10)));

        assertThat(outcome.findings()).singleElement().satisfies(gap -> {
            assertThat(gap.kind().code()).isEqualTo("gap");
            assertThat(gap.areaSquareMetres()).isBetween(10 * 11_000.0, 10 * 12_000.0);
        });
        assertThat(outcome.changed().get(0).version()).isEqualTo(2);
    }

    @Test
    void splitRetiresGridAndLinksPieces() {
        long original = village.insertGrid(1, village.cells(0, 0, 10, 10));
        village.insertGrid(2, village.cells(0, 0, 1, 1));
        jdbc.sql("UPDATE grid SET status = 'retired' WHERE code = ?").param(village.gridCode(2)).update();

        GridPlanning.Outcome outcome = restructuring.split(village.gridCode(1), 1,
                geometry(line(3, -1, 3, 11)), List.of(), List.of());

        assertThat(outcome.retired()).singleElement().satisfies(grid -> {
            assertThat(grid.status()).isEqualTo("retired");
            assertThat(grid.version()).isEqualTo(2);
        });
        assertThat(outcome.changed()).extracting(PlannedGrid::code)
                .containsExactly(village.gridCode(3), village.gridCode(4));
        assertThat(outcome.changed().get(0).shape().getArea()).isLessThan(outcome.changed().get(1).shape().getArea());
        List<String> successors = jdbc.sql("""
                        SELECT g.code FROM grid_lineage l JOIN grid g ON g.id = l.successor_id
                         WHERE l.predecessor_id = ? AND l.change = 'split' ORDER BY g.code
                        """)
                .param(original).query(String.class).list();
        assertThat(successors).containsExactly(village.gridCode(3), village.gridCode(4));
    }

    @Test
    void mergeOfSplitPiecesRestoresShape() {
        village.insertGrid(1, village.cells(0, 0, 10, 10));
        GridPlanning.Outcome split = restructuring.split(village.gridCode(1), 1, geometry(line(4, -1, 4, 11)),
                List.of(), List.of());

        GridPlanning.Outcome merged = restructuring.merge(List.of(
                new GridRestructuring.VersionedCode(split.changed().get(0).code(), 1),
                new GridRestructuring.VersionedCode(split.changed().get(1).code(), 1)), null, "合并后网格");

        PlannedGrid result = merged.changed().get(0);
        assertThat(result.code()).isEqualTo(village.gridCode(4));
        assertThat(result.name()).isEqualTo("合并后网格");
        assertThat(result.shape().getNumGeometries()).isEqualTo(1);
        assertThat(result.shape().symDifference(split.retired().get(0).shape()).getArea()).isLessThan(1e-12);
        assertThat(merged.retired()).extracting(PlannedGrid::status).containsOnly("retired");
    }

    @Test
    void gridsTouchingAtCornerNotMerged() {
        village.insertGrid(1, village.cells(0, 0, 2, 2));
        village.insertGrid(2, village.cells(2, 2, 2, 2));

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> restructuring.merge(List.of(new GridRestructuring.VersionedCode(village.gridCode(1), 1),
                        new GridRestructuring.VersionedCode(village.gridCode(2), 1)), null, null));

        assertThat(kinds(rejection)).containsExactly("not-adjacent");
    }

    @Test
    void splitLineMissingGridRejected() {
        village.insertGrid(1, village.cells(0, 0, 5, 5));

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> restructuring.split(village.gridCode(1), 1, geometry(line(7, 0, 7, 5)), List.of(), List.of()));

        assertThat(kinds(rejection)).containsExactly("split-line-misses");
    }

    @Test
    void retiredCodeNeverProposedAgain() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);
        planning.retire(grid.code(), 1);

        assertThat(codes.proposeNext(village.villageCode(), 2))
                .containsExactly(GridCode.of(village.villageCode(), 2), GridCode.of(village.villageCode(), 3));
    }

    @Test
    void serialsAfter999ReuseOnlyNeverUsed() {
        village.insertGrid(999, village.cells(0, 0, 1, 1));
        village.insertGrid(1, village.cells(1, 0, 1, 1));

        assertThat(codes.proposeNext(village.villageCode(), 2))
                .containsExactly(GridCode.of(village.villageCode(), 2), GridCode.of(village.villageCode(), 3));
    }

    @Test
    void typedCodeOfRetiredGridConflicts() {
        village.insertGrid(1, village.cells(0, 0, 1, 1));
        jdbc.sql("UPDATE grid SET status = 'retired' WHERE code = ?").param(village.gridCode(1)).update();

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> create(village.gridCode(1), village.cellsGeoJson(0, 0, 5, 10)));

        assertThat(rejection.status().value()).isEqualTo(409);
        assertThat(rejection.messageKey()).isEqualTo("planning.code-taken-retired");
    }

    @Test
    void typedCodeOfOtherVillageRejected() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> create("441302001001001", village.cellsGeoJson(0, 0, 5, 10)));

        assertThat(rejection.status().value()).isEqualTo(422);
        assertThat(rejection.messageKey()).isEqualTo("planning.code-other-village");
    }

    @Test
    void typedProvinceCodeAccepted() {
        PlannedGrid grid = create(village.gridCode(17), village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);

        assertThat(grid.code()).isEqualTo(village.gridCode(17));
        assertThat(codes.proposeNext(village.villageCode(), 1)).containsExactly(GridCode.of(village.villageCode(), 18));
    }

    @Test
    void attributeEditMakesNewVersion() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);

        PlannedGrid edited = planning.editAttributes(grid.code(), 1,
                new GridPlanning.AttributeChanges("东区网格", null, null, "东区网格群")).changed().get(0);

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.name()).isEqualTo("东区网格");
        assertThat(edited.onlineGroup()).isEqualTo("东区网格群");
        assertThat(edited.shape().equalsExact(grid.shape())).isTrue();
    }

    @Test
    void unchangedAttributesKeepVersion() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);

        PlannedGrid same = planning.editAttributes(grid.code(), 1,
                new GridPlanning.AttributeChanges(grid.name(), "basic", null, null)).changed().get(0);

        assertThat(same.version()).isEqualTo(1);
    }

    @Test
    void retiredGridCannotBeChanged() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);
        planning.retire(grid.code(), 1);

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> planning.reshape(grid.code(), 2, geometry(village.cellsGeoJson(0, 0, 4, 10))));

        assertThat(rejection.status().value()).isEqualTo(409);
        assertThat(rejection.messageKey()).isEqualTo("planning.grid-retired");
    }

    @Test
    void retiredGridWithOldVersionReportedRetired() {
        PlannedGrid grid = create(null, village.cellsGeoJson(0, 0, 5, 10)).changed().get(0);
        planning.retire(grid.code(), 1);

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> planning.reshape(grid.code(), 1, geometry(village.cellsGeoJson(0, 0, 4, 10))));

        assertThat(rejection.status().value()).isEqualTo(409);
        assertThat(rejection.messageKey()).isEqualTo("planning.grid-retired");
    }

    private GridPlanning.Outcome create(String code, String geoJson) {
        return planning.create(new GridPlanning.NewGrid(village.villageCode(), code, null, null, null, null,
                geometry(geoJson)));
    }

    private String line(double x1, double y1, double x2, double y2) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}",
                village.west() + x1 * 0.001, village.south() + y1 * 0.001,
                village.west() + x2 * 0.001, village.south() + y2 * 0.001);
    }

    private static JsonNode geometry(String geoJson) {
        return JSON.readTree(geoJson);
    }

    @SuppressWarnings("unchecked")
    private static List<String> kinds(RejectedRequestException rejection) {
        assertThat(rejection).as("rejection").isNotNull();
        Map<String, Object> problems = (Map<String, Object>) rejection.properties().get("problems");
        List<Map<String, Object>> features = (List<Map<String, Object>>) problems.get("features");
        return features.stream()
                .map(feature -> (String) ((Map<String, Object>) feature.get("properties")).get("kind"))
                .toList();
    }
}

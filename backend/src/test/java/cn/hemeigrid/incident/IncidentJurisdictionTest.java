package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionFixtures;
import cn.hemeigrid.map.BoundingBox;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * The incident list and every workflow step, limited to each kind of jurisdiction, on the
 * incidents of {@link JurisdictionFixtures}. An incident outside the jurisdiction must behave
 * exactly like one that does not exist.
 */
@PostgisTest
class IncidentJurisdictionTest {

    static final Jurisdiction VILLAGE_A = new Jurisdiction.Unit(TwoTownships.VILLAGE_A);
    static final Jurisdiction TOWNSHIP_B = new Jurisdiction.Unit(TwoTownships.TOWNSHIP_B);
    static final Jurisdiction GRID_A = new Jurisdiction.Grids(Set.of(TwoTownships.GRID_A));
    static final Jurisdiction WATER = new Jurisdiction.Department("water");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentIntake intake;

    @Autowired
    IncidentWorkflow workflow;

    @Autowired
    cn.hemeigrid.access.Accounts accounts;

    @Autowired
    IncidentQueries queries;

    JurisdictionFixtures incidents;

    @BeforeEach
    void report() {
        TwoTownships.insert(jdbc);
        incidents = JurisdictionFixtures.report(intake, workflow, accounts);
        JurisdictionFixtures.signInAsTestAdministrator(accounts);
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void listHoldsOnlyIncidentsInside() {
        assertThat(listed(VILLAGE_A)).contains(incidents.cityManagementA(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementB(), incidents.waterB());
        assertThat(listed(GRID_A)).contains(incidents.cityManagementA(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementB(), incidents.waterB());
        assertThat(listed(TOWNSHIP_B)).contains(incidents.cityManagementB(), incidents.waterB())
                .doesNotContain(incidents.cityManagementA(), incidents.summonedA());
        assertThat(listed(new Jurisdiction.WholeCity())).containsAll(incidents.all());
    }

    @Test
    void departmentListsRoutedAndSummonedIncidents() {
        assertThat(listed(WATER)).contains(incidents.waterB(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementA(), incidents.cityManagementB());
    }

    @Test
    void listMasksTheContact() {
        List<IncidentQueries.ListItem> items = queries.list(VILLAGE_A, everythingInTownships(), 1000);

        assertThat(items).isNotEmpty();
        assertThat(items).allSatisfy(item -> assertThat(item.reporterContactMasked())
                .isEqualTo(JurisdictionFixtures.MASKED_CONTACT));
        assertThat(items.toString()).doesNotContain(JurisdictionFixtures.CONTACT);
    }

    @Test
    void workflowViewInsideShowsTheFullContact() {
        WorkflowView view = workflow.view(VILLAGE_A, incidents.cityManagementA());

        assertThat(view.reporterContact()).isEqualTo(JurisdictionFixtures.CONTACT);
    }

    @Test
    void workflowViewOutsideIsNotFound() {
        assertNotFound(() -> workflow.view(VILLAGE_A, incidents.waterB()), incidents.waterB());
        assertNotFound(() -> workflow.view(GRID_A, incidents.cityManagementB()), incidents.cityManagementB());
        assertNotFound(() -> workflow.view(WATER, incidents.cityManagementA()), incidents.cityManagementA());
    }

    @Test
    void missingAndOutsideGetTheSameRejection() {
        RejectedRequestException missing = rejection(() -> workflow.view(new Jurisdiction.WholeCity(), Long.MAX_VALUE));
        RejectedRequestException outside = rejection(() -> workflow.view(VILLAGE_A, incidents.waterB()));

        assertThat(outside.status()).isEqualTo(missing.status());
        assertThat(outside.messageKey()).isEqualTo(missing.messageKey());
    }

    @Test
    void stepOutsideIsNotFoundAndChangesNothing() {
        assertNotFound(() -> workflow.apply(VILLAGE_A, incidents.waterB(), step("accept")), incidents.waterB());
        assertNotFound(() -> workflow.apply(WATER, incidents.cityManagementB(), step("accept")),
                incidents.cityManagementB());

        assertThat(status(incidents.waterB())).isEqualTo("reported");
        assertThat(status(incidents.cityManagementB())).isEqualTo("reported");
        assertThat(historyRows(incidents.waterB())).isEqualTo(1);
    }

    @Test
    void stepInsideIsCarriedOut() {
        WorkflowView accepted = workflow.apply(TOWNSHIP_B, incidents.waterB(), step("accept"));
        WorkflowView summonedStep = workflow.apply(WATER, incidents.summonedA(), new IncidentWorkflow.TransitionRequest(
                "dispatch", "水务局处置员", null, null, null, null, null, null));

        assertThat(accepted.status()).isEqualTo("accepted");
        assertThat(summonedStep.status()).isEqualTo("dispatched");
    }

    @Test
    void duplicateOfAnIncidentOutsideIsNotFound() {
        IncidentWorkflow.TransitionRequest markDuplicate = new IncidentWorkflow.TransitionRequest("mark_duplicate",
                "调度员甲", null, null, null, incidents.waterB(), null, null);

        assertNotFound(() -> workflow.apply(VILLAGE_A, incidents.cityManagementA(), markDuplicate), incidents.waterB());
        assertThat(status(incidents.cityManagementA())).isEqualTo("reported");
    }

    @Test
    void summonsOutsideIsNotFound() {
        IncidentWorkflow.SummonsRequest summons = new IncidentWorkflow.SummonsRequest("调度员乙", List.of("housing"),
                "需要住建到场", null);
        long summonsId = jdbc.sql("SELECT id FROM incident_summons WHERE incident_id = ?")
                .param(incidents.summonedA()).query(Long.class).single();
        IncidentWorkflow.AnswerRequest answer = new IncidentWorkflow.AnswerRequest("水务局处置员", "已到场");

        assertNotFound(() -> workflow.summon(TOWNSHIP_B, incidents.summonedA(), summons), incidents.summonedA());
        assertNotFound(() -> workflow.answerSummons(TOWNSHIP_B, incidents.summonedA(), summonsId, answer),
                incidents.summonedA());
        assertThat(jdbc.sql("SELECT count(*) FROM incident_summons WHERE incident_id = ?")
                .param(incidents.summonedA()).query(Long.class).single()).isEqualTo(1);
        assertThat(workflow.answerSummons(WATER, incidents.summonedA(), summonsId, answer).summons())
                .allSatisfy(view -> assertThat(view.answered()).isTrue());
    }

    private List<Long> listed(Jurisdiction jurisdiction) {
        return queries.list(jurisdiction, everythingInTownships(), 1000).stream()
                .map(IncidentQueries.ListItem::id)
                .toList();
    }

    private static IncidentQueries.ListFilter everythingInTownships() {
        return IncidentQueries.ListFilter.of(Optional.of(BoundingBox.parse(TwoTownships.BBOX)), false,
                Optional.empty());
    }

    private static IncidentWorkflow.TransitionRequest step(String action) {
        return new IncidentWorkflow.TransitionRequest(action, "调度员乙", null, null, null, null, null, null);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM incident WHERE id = ?").param(id).query(String.class).single();
    }

    private long historyRows(long id) {
        return jdbc.sql("SELECT count(*) FROM incident_transition WHERE incident_id = ?").param(id)
                .query(Long.class).single();
    }

    private static void assertNotFound(Runnable call, long id) {
        RejectedRequestException rejected = rejection(call);
        assertThat(rejected.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rejected.messageKey()).isEqualTo("incident.id-not-found");
        assertThat(rejected.messageArguments()).containsExactly(String.valueOf(id));
    }

    private static RejectedRequestException rejection(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(RejectedRequestException.class);
        return (RejectedRequestException) thrown;
    }
}

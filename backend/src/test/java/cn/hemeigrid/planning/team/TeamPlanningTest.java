package cn.hemeigrid.planning.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.planning.TestVillage;
import cn.hemeigrid.system.RejectedRequestException;

/** Team assignment on a test village with three grids; each test rolls its fixture back. */
@PostgisTest
@Transactional
class TeamPlanningTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TeamPlanning teams;

    TestVillage village;
    long leader;
    long worker;
    long policeOfficer;

    @BeforeEach
    void insertVillageAndWorkers() {
        village = new TestVillage(jdbc, "94", 113.80, 21.80);
        village.insert();
        village.insertGrid(1, village.cells(0, 0, 4, 10));
        village.insertGrid(2, village.cells(4, 0, 3, 10));
        village.insertGrid(3, village.cells(7, 0, 3, 10));
        leader = teams.createWorker("王网格长", null, null).id();
        worker = teams.createWorker("李专职", "13800000000", null).id();
        policeOfficer = teams.createWorker("张民警", null, "public_security").id();
    }

    @Test
    void teamReplacedWithOnePerRole() {
        List<TeamAssignments.Member> team = teams.replaceTeam(village.gridCode(1), List.of(
                new TeamPlanning.MemberRequest(worker, "full_time"),
                new TeamPlanning.MemberRequest(leader, "leader"),
                new TeamPlanning.MemberRequest(leader, "leader"),
                new TeamPlanning.MemberRequest(policeOfficer, "professional")), null);

        assertThat(team).extracting(TeamAssignments.Member::role)
                .containsExactly("leader", "full_time", "professional");
        assertThat(team.get(2).departmentCode()).isEqualTo("public_security");
    }

    @Test
    void emptyListClearsTeam() {
        teams.replaceTeam(village.gridCode(1), List.of(new TeamPlanning.MemberRequest(leader, "leader")), null);

        assertThat(teams.replaceTeam(village.gridCode(1), List.of(), null)).isEmpty();
    }

    @Test
    void secondLeaderRejected() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.replaceTeam(village.gridCode(1), List.of(
                        new TeamPlanning.MemberRequest(leader, "leader"),
                        new TeamPlanning.MemberRequest(worker, "leader")), null));

        assertThat(rejection.status().value()).isEqualTo(422);
        assertThat(rejection.messageKey()).isEqualTo("team.one-leader");
    }

    @Test
    void professionalNeedsDepartment() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.replaceTeam(village.gridCode(1), List.of(new TeamPlanning.MemberRequest(worker, "professional")), null));

        assertThat(rejection.messageKey()).isEqualTo("team.professional-without-department");
    }

    @Test
    void unknownRoleAndWorkerRejected() {
        RejectedRequestException role = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.replaceTeam(village.gridCode(1), List.of(new TeamPlanning.MemberRequest(worker, "captain")), null));
        RejectedRequestException missing = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.replaceTeam(village.gridCode(1), List.of(new TeamPlanning.MemberRequest(-1L, "leader")), null));

        assertThat(role.status().value()).isEqualTo(400);
        assertThat(missing.status().value()).isEqualTo(422);
        assertThat(missing.messageKey()).isEqualTo("team.worker-not-found");
    }

    @Test
    void departmentWorkerAttachedToWholeVillage() {
        teams.attach(policeOfficer, List.of(village.gridCode(2)), null, null);

        TeamPlanning.Attachment attachment = teams.attach(policeOfficer, null, village.villageCode(), null);

        assertThat(attachment.attached()).containsExactly(village.gridCode(1), village.gridCode(3));
        assertThat(attachment.alreadyAttached()).containsExactly(village.gridCode(2));
        for (int serial = 1; serial <= 3; serial++) {
            assertThat(teams.team(village.gridCode(serial))).extracting(TeamAssignments.Member::workerId)
                    .containsExactly(policeOfficer);
        }
    }

    @Test
    void retiredGridNotAttached() {
        jdbc.sql("UPDATE grid SET status = 'retired' WHERE code = ?").param(village.gridCode(3)).update();

        TeamPlanning.Attachment byVillage = teams.attach(policeOfficer, null, village.villageCode(), null);
        RejectedRequestException byCode = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.attach(policeOfficer, List.of(village.gridCode(3)), null, null));

        assertThat(byVillage.attached()).containsExactly(village.gridCode(1), village.gridCode(2));
        assertThat(byCode.status().value()).isEqualTo(409);
    }

    @Test
    void attachNeedsExactlyOneTarget() {
        RejectedRequestException neither = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.attach(policeOfficer, List.of(), null, null));
        RejectedRequestException both = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.attach(policeOfficer, List.of(village.gridCode(1)), village.villageCode(), null));

        assertThat(neither.messageKey()).isEqualTo("team.attach-target");
        assertThat(both.messageKey()).isEqualTo("team.attach-target");
    }

    @Test
    void detachRemovesOneGrid() {
        teams.attach(policeOfficer, null, village.villageCode(), null);

        teams.detach(policeOfficer, village.gridCode(2), null);

        assertThat(teams.team(village.gridCode(2))).isEmpty();
        assertThat(teams.team(village.gridCode(1))).hasSize(1);
        assertThat(catchThrowableOfType(RejectedRequestException.class,
                () -> teams.detach(policeOfficer, village.gridCode(2), null)).status().value()).isEqualTo(404);
    }

    @Test
    void workersFoundByNameAndDepartment() {
        assertThat(teams.findWorkers("民警", null)).extracting(TeamAssignments.Worker::id).contains(policeOfficer);
        assertThat(teams.findWorkers("", "public_security")).extracting(TeamAssignments.Worker::id)
                .contains(policeOfficer)
                .doesNotContain(leader, worker);
    }

    @Test
    void workerWithUnknownDepartmentRejected() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> teams.createWorker("赵某", null, "no_such_department"));

        assertThat(rejection.status().value()).isEqualTo(422);
    }
}

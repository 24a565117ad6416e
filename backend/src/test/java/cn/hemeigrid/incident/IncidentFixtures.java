package cn.hemeigrid.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.test.util.ReflectionTestUtils;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.routing.GridRef;
import cn.hemeigrid.routing.ReportedLocation;
import cn.hemeigrid.routing.Routing;

/** Incidents built in memory, without a database, for tests of the workflow rules. */
final class IncidentFixtures {

    static final Instant REPORTED_AT = Instant.parse("2026-12-07T02:00:00Z");

    private IncidentFixtures() {
    }

    /** Returns a reported incident with the given id, routed to the 'department' handler route. */
    static Incident reported(long id) {
        ReportedLocation location = ReportedLocation.parse(95.1, 36.1, "cgcs2000");
        GridRef grid = new GridRef(1, "970100001001001", "测试网格", "basic", null, null, "970100001001", 1);
        Routing routing = new Routing(location.cgcs2000(), new CodeName("970100000000", "测试区"),
                new CodeName("970100001000", "测试街道"), new CodeName("970100001001", "测试社区"), grid, null,
                grid.code(), false, 0, List.of(), new CodeName("0501", "占道经营"),
                new CodeName("city_management", "城市管理和综合执法局"), null, new CodeName("department", "职能部门办理"),
                REPORTED_AT.plus(Duration.ofHours(2)), REPORTED_AT.plus(Duration.ofDays(2)));

        Incident incident = Incident.report(location, routing, "路口占道经营", Urgency.ORDINARY, Channel.APP, null, List.of(),
                REPORTED_AT);
        ReflectionTestUtils.setField(incident, "id", id);
        return incident;
    }

    static WorkflowStep staff(String name, String note) {
        return new WorkflowStep(Actor.staff(name), REPORTED_AT.plus(Duration.ofMinutes(10)), note, List.of());
    }
}

package cn.hemeigrid.access;

import java.util.List;

import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.incident.IncidentIntake;
import cn.hemeigrid.incident.IncidentWorkflow;

/**
 * Incidents in {@link TwoTownships} for jurisdiction tests: one of city management in each
 * township, one of water supply in township B, and one of city management in township A on
 * which the water department was summoned.
 */
public record JurisdictionFixtures(long cityManagementA, long cityManagementB, long waterB, long summonedA) {

    public static final String CONTACT = "13812345678";
    public static final String MASKED_CONTACT = "138****5678";

    /** Reports the four incidents, then accepts and summons one as the test administrator. */
    public static JurisdictionFixtures report(IncidentIntake intake, IncidentWorkflow workflow, Accounts accounts) {
        long cityManagementA = report(intake, TwoTownships.LON_A, "0501");
        long cityManagementB = report(intake, TwoTownships.LON_B, "0501");
        long waterB = report(intake, TwoTownships.LON_B, "0304");
        long summonedA = report(intake, TwoTownships.LON_A, "0501");

        Jurisdiction wholeCity = new Jurisdiction.WholeCity();
        signInAsTestAdministrator(accounts);
        try {
            workflow.apply(wholeCity, summonedA, new IncidentWorkflow.TransitionRequest("accept", "调度员甲", null, null,
                    null, null, null, null));
            workflow.summon(wholeCity, summonedA, new IncidentWorkflow.SummonsRequest("调度员甲", List.of("water"),
                    "管道破裂需水务到场", null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        return new JurisdictionFixtures(cityManagementA, cityManagementB, waterB, summonedA);
    }

    /**
     * Signs the current thread in as the test administrator, for service calls that record the
     * signed-in account. Callers clear the security context afterwards.
     */
    public static void signInAsTestAdministrator(Accounts accounts) {
        Account administrator = accounts.findByLoginName(cn.hemeigrid.ApiClient.TEST_ADMIN_LOGIN).orElseThrow();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(administrator, null,
                        List.of()));
    }

    public List<Long> all() {
        return List.of(cityManagementA, cityManagementB, waterB, summonedA);
    }

    private static long report(IncidentIntake intake, double lon, String category) {
        return intake.report(new IncidentIntake.Report(lon, TwoTownships.LAT, "cgcs2000", category, "辖区测试事件",
                "ordinary", "phone", CONTACT, List.of())).incident().id();
    }
}

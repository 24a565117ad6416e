package cn.hemeigrid.incident;

import static cn.hemeigrid.incident.IncidentFixtures.REPORTED_AT;
import static cn.hemeigrid.incident.IncidentFixtures.reported;
import static cn.hemeigrid.incident.IncidentFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

import cn.hemeigrid.system.RejectedRequestException;

/** The transition rules of the incident workflow, on incidents in memory. */
class WorkflowRulesTest {

    private static final Instant NEW_DEADLINE = REPORTED_AT.plus(Duration.ofDays(5));

    /** A legal path from 'reported' to each state. */
    private static final Map<IncidentStatus, List<WorkflowAction>> PATHS = new EnumMap<>(IncidentStatus.class);

    static {
        PATHS.put(IncidentStatus.REPORTED, List.of());
        PATHS.put(IncidentStatus.ACCEPTED, List.of(WorkflowAction.ACCEPT));
        PATHS.put(IncidentStatus.DISPATCHED, List.of(WorkflowAction.ACCEPT, WorkflowAction.DISPATCH));
        PATHS.put(IncidentStatus.IN_HANDLING, List.of(WorkflowAction.ACCEPT, WorkflowAction.DISPATCH,
                WorkflowAction.START_HANDLING));
        PATHS.put(IncidentStatus.HANDLED, List.of(WorkflowAction.ACCEPT, WorkflowAction.DISPATCH,
                WorkflowAction.START_HANDLING, WorkflowAction.MARK_HANDLED));
        PATHS.put(IncidentStatus.CLOSED, List.of(WorkflowAction.ACCEPT, WorkflowAction.DISPATCH,
                WorkflowAction.START_HANDLING, WorkflowAction.MARK_HANDLED, WorkflowAction.CLOSE));
        PATHS.put(IncidentStatus.RATED, List.of(WorkflowAction.ACCEPT, WorkflowAction.DISPATCH,
                WorkflowAction.START_HANDLING, WorkflowAction.MARK_HANDLED, WorkflowAction.CLOSE, WorkflowAction.RATE));
        PATHS.put(IncidentStatus.REJECTED, List.of(WorkflowAction.REJECT));
        PATHS.put(IncidentStatus.DUPLICATE, List.of(WorkflowAction.MARK_DUPLICATE));
        PATHS.put(IncidentStatus.REOPENED, List.of(WorkflowAction.ACCEPT, WorkflowAction.DISPATCH,
                WorkflowAction.START_HANDLING, WorkflowAction.MARK_HANDLED, WorkflowAction.REOPEN));
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (IncidentStatus status : IncidentStatus.values()) {
            for (WorkflowAction action : WorkflowAction.values()) {
                if (action != WorkflowAction.REPORT && action != WorkflowAction.ANSWER_SUMMONS) {
                    cases.add(Arguments.of(status, action));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyStateHasPath() {
        for (IncidentStatus status : IncidentStatus.values()) {
            Incident incident = incidentIn(status);

            assertThat(incident.status()).as("path to %s", status).isEqualTo(status);
        }
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndAction")
    void actionFollowsTransitionTable(IncidentStatus status, WorkflowAction action) {
        Incident incident = incidentIn(status);
        int historyBefore = incident.history().size();

        if (action.isAllowedFrom(status)) {
            perform(incident, action);

            assertThat(incident.status()).isEqualTo(action.next(status));
            assertThat(incident.history()).hasSize(historyBefore + 1);
            IncidentTransition last = incident.history().get(historyBefore);
            assertThat(last.action()).isEqualTo(action);
            assertThat(last.fromStatus()).isEqualTo(status);
            assertThat(last.toStatus()).isEqualTo(action.next(status));
        } else {
            RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                    () -> perform(incident, action));

            assertThat(rejection).as("%s from %s must be rejected", action, status).isNotNull();
            assertThat(rejection.status().value()).isEqualTo(409);
            assertThat(rejection.messageKey()).isEqualTo("workflow.not-allowed");
            assertThat(rejection.properties()).containsEntry("currentStatus", status.code());
            assertThat(rejection.properties()).containsEntry("action", action.code());
            assertThat(incident.status()).isEqualTo(status);
            assertThat(incident.history()).hasSize(historyBefore);
        }
    }

    @Test
    void firstReceiverStaysOwner() {
        Incident incident = reported(1);

        incident.accept(staff("李受理", null));
        incident.dispatch(staff("王调度", null), null, "justice");
        incident.startHandling(staff("赵处置", null));
        incident.markHandled(staff("赵处置", "已清理"));
        incident.reopen(staff("王调度", "现场核查未通过"), NEW_DEADLINE);

        assertThat(incident.ownerName()).isEqualTo("李受理");
        assertThat(incident.departmentCode()).isEqualTo("justice");
    }

    @Test
    void reportIsFirstHistoryRow() {
        Incident incident = reported(1);

        IncidentTransition first = incident.history().get(0);

        assertThat(first.action()).isEqualTo(WorkflowAction.REPORT);
        assertThat(first.fromStatus()).isNull();
        assertThat(first.toStatus()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(first.actorKind()).isEqualTo("reporter");
        assertThat(first.occurredAt()).isEqualTo(REPORTED_AT);
    }

    @Test
    void markHandledNeedsResultNote() {
        Incident incident = incidentIn(IncidentStatus.IN_HANDLING);

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.markHandled(staff("赵处置", "  ")));

        assertThat(rejection.status().value()).isEqualTo(400);
        assertThat(rejection.messageKey()).isEqualTo("workflow.note-missing");
        assertThat(incident.status()).isEqualTo(IncidentStatus.IN_HANDLING);
    }

    @Test
    void dispatchToOtherRouteNeedsReason() {
        Incident incident = incidentIn(IncidentStatus.ACCEPTED);

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.dispatch(staff("王调度", null), "social_force", null));
        incident.dispatch(staff("王调度", "物业负责该小区"), "social_force", null);

        assertThat(rejection.messageKey()).isEqualTo("workflow.reason-missing");
        assertThat(incident.handlerRouteCode()).isEqualTo("social_force");
        assertThat(incident.history().get(incident.history().size() - 1).note()).isEqualTo("物业负责该小区");
    }

    @Test
    void rerouteNeedsReasonAndNewRoute() {
        Incident incident = incidentIn(IncidentStatus.DISPATCHED);

        RejectedRequestException noReason = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.reroute(staff("王调度", null), "joint_escalated"));
        RejectedRequestException sameRoute = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.reroute(staff("王调度", "重复"), "department"));
        incident.reroute(staff("王调度", "超出社区权责，提级联办"), "joint_escalated");

        assertThat(noReason.messageKey()).isEqualTo("workflow.note-missing");
        assertThat(sameRoute.messageKey()).isEqualTo("workflow.route-unchanged");
        assertThat(incident.handlerRouteCode()).isEqualTo("joint_escalated");
        assertThat(incident.status()).isEqualTo(IncidentStatus.DISPATCHED);
    }

    @Test
    void rejectOtherNeedsNote() {
        Incident incident = reported(1);

        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.reject(staff("李受理", null), RejectionReason.OTHER));
        incident.reject(staff("李受理", null), RejectionReason.NOT_THIS_JURISDICTION);

        assertThat(rejection.messageKey()).isEqualTo("workflow.note-missing");
        assertThat(incident.rejectionReason()).contains(RejectionReason.NOT_THIS_JURISDICTION);
    }

    @Test
    void duplicateNeedsValidOriginal() {
        Incident incident = reported(1);
        Incident duplicateOriginal = reported(2);
        duplicateOriginal.markDuplicateOf(reported(3), staff("王调度", null));
        Incident rejectedOriginal = reported(4);
        rejectedOriginal.reject(staff("王调度", null), RejectionReason.NOT_IN_CATALOGUE);

        RejectedRequestException itself = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.markDuplicateOf(incident, staff("王调度", null)));
        RejectedRequestException ofDuplicate = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.markDuplicateOf(duplicateOriginal, staff("王调度", null)));
        RejectedRequestException ofRejected = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.markDuplicateOf(rejectedOriginal, staff("王调度", null)));

        assertThat(itself.status().value()).isEqualTo(400);
        assertThat(ofDuplicate.status().value()).isEqualTo(409);
        assertThat(ofDuplicate.messageArguments()).containsExactly("2", "3");
        assertThat(ofRejected.status().value()).isEqualTo(409);
        assertThat(incident.status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void reopenRestartsHandlingDeadline() {
        Incident incident = incidentIn(IncidentStatus.CLOSED);
        WorkflowStep step = staff("王调度", "居民反映仍有摊贩");

        incident.reopen(step, NEW_DEADLINE);

        assertThat(incident.reopenCount()).isEqualTo(1);
        assertThat(incident.handlingDeadline()).isEqualTo(NEW_DEADLINE);
        assertThat(incident.runningDeadline().orElseThrow().countedFrom()).isEqualTo(step.at());
        assertThat(incident.runningDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.HANDLING);
    }

    @Test
    void residentReopenNeedsNoNote() {
        Incident incident = incidentIn(IncidentStatus.RATED);

        incident.reopen(WorkflowStep.by(Actor.RESIDENT, REPORTED_AT), NEW_DEADLINE);

        assertThat(incident.status()).isEqualTo(IncidentStatus.REOPENED);
    }

    @Test
    void scoreOutsideOneToFiveIsRejected() {
        Incident incident = incidentIn(IncidentStatus.CLOSED);

        for (int score : new int[] {0, 6, -1}) {
            RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                    () -> incident.rate(score, null, REPORTED_AT));

            assertThat(rejection.status().value()).as("score %d", score).isEqualTo(400);
        }
        assertThat(incident.ratings()).isEmpty();
        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void summonsOpenUntilAnswered() {
        Incident incident = incidentIn(IncidentStatus.IN_HANDLING);
        Instant due = REPORTED_AT.plus(Duration.ofDays(1));
        Summons summons = incident.summon(staff("社区书记", "违建超出社区权责"), "city_management", due);
        ReflectionTestUtils.setField(summons, "id", 7L);

        RejectedRequestException again = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.summon(staff("社区书记", "再次吹哨"), "city_management", due));
        incident.answerSummons(7, staff("城管中队", "已到场，明日拆除"));
        RejectedRequestException answeredTwice = catchThrowableOfType(RejectedRequestException.class,
                () -> incident.answerSummons(7, staff("城管中队", "再次答复")));
        incident.summon(staff("社区书记", "拆除后复查"), "city_management", due);

        assertThat(again.messageKey()).isEqualTo("workflow.summons-open");
        assertThat(answeredTwice.messageKey()).isEqualTo("workflow.summons-answered");
        assertThat(summons.answer()).isEqualTo("已到场，明日拆除");
        assertThat(incident.summons()).hasSize(2);
        assertThat(incident.status()).isEqualTo(IncidentStatus.IN_HANDLING);
    }

    @Test
    void escalationGoesOneLevelAtATime() {
        Incident incident = reported(1);

        assertThatIllegalStateException()
                .isThrownBy(() -> incident.escalate(EscalationLevel.TOWNSHIP, "测试街道", REPORTED_AT));
        incident.escalate(EscalationLevel.VILLAGE, "测试社区", REPORTED_AT);
        incident.escalate(EscalationLevel.TOWNSHIP, "测试街道", REPORTED_AT);
        incident.escalate(EscalationLevel.COUNTY, "测试区", REPORTED_AT);

        assertThat(incident.escalationLevel()).isEqualTo(EscalationLevel.COUNTY);
        assertThat(EscalationLevel.COUNTY.above()).isEmpty();
        assertThat(incident.history().get(3).note()).isEqualTo("测试区");
        assertThat(incident.history().get(3).actorKind()).isEqualTo("system");
    }

    @Test
    void deadlineWarningColours() {
        Instant from = Instant.parse("2026-12-07T00:00:00Z");
        Instant due = Instant.parse("2026-12-07T10:00:00Z");

        assertThat(DeadlineWarning.at(Instant.parse("2026-12-07T07:59:59Z"), from, due, 0.2))
                .isEqualTo(DeadlineWarning.GREEN);
        assertThat(DeadlineWarning.at(Instant.parse("2026-12-07T08:00:00Z"), from, due, 0.2))
                .isEqualTo(DeadlineWarning.YELLOW);
        assertThat(DeadlineWarning.at(due, from, due, 0.2)).isEqualTo(DeadlineWarning.YELLOW);
        assertThat(DeadlineWarning.at(due.plusSeconds(1), from, due, 0.2)).isEqualTo(DeadlineWarning.RED);
    }

    private static Incident incidentIn(IncidentStatus status) {
        Incident incident = reported(1);
        for (WorkflowAction action : PATHS.get(status)) {
            perform(incident, action);
        }
        return incident;
    }

    /** Takes a step with valid arguments, so only the transition table can reject it. */
    private static void perform(Incident incident, WorkflowAction action) {
        WorkflowStep step = staff("王调度", "说明");
        switch (action) {
            case ACCEPT -> incident.accept(step);
            case DISPATCH -> incident.dispatch(step, null, null);
            case START_HANDLING -> incident.startHandling(step);
            case MARK_HANDLED -> incident.markHandled(step);
            case CLOSE -> incident.verifyAndClose(step);
            case RATE -> incident.rate(5, null, step.at());
            case REJECT -> incident.reject(step, RejectionReason.NOT_IN_CATALOGUE);
            case MARK_DUPLICATE -> incident.markDuplicateOf(reported(99), step);
            case REOPEN -> incident.reopen(step, NEW_DEADLINE);
            case REROUTE -> incident.reroute(step, "social_force");
            case SUMMON -> incident.summon(step, "justice", step.at().plus(Duration.ofHours(24)));
            case ESCALATE -> incident.escalate(EscalationLevel.VILLAGE, "测试社区", step.at());
            default -> throw new IllegalArgumentException("No test step for " + action);
        }
    }
}

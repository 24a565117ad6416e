package cn.hemeigrid.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import cn.hemeigrid.CodeName;

class DeadlinesTest {

    private static final CodeName DEPARTMENT = new CodeName("city_management", "城市管理和综合执法局");
    private static final CodeName ROUTE = new CodeName("department", "职能部门办理");

    @Test
    void urgentIncidentGetsShorterAssignLimit() {
        Instant reported = Instant.parse("2026-12-07T02:00:00Z");

        Deadlines ordinary = Deadlines.of(category(2, MatterCategory.HandlingLimitUnit.HOURS), Urgency.ORDINARY, reported);
        Deadlines urgent = Deadlines.of(category(2, MatterCategory.HandlingLimitUnit.HOURS), Urgency.URGENT, reported);

        assertThat(ordinary.assignDeadline()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
        assertThat(urgent.assignDeadline()).isEqualTo(Instant.parse("2026-12-07T02:30:00Z"));
    }

    @Test
    void handlingLimitInHoursRunsThroughWeekend() {
        Instant friday = ZonedDateTime.parse("2026-12-04T18:00:00+08:00").toInstant();

        Deadlines deadlines = Deadlines.of(category(24, MatterCategory.HandlingLimitUnit.HOURS), Urgency.ORDINARY, friday);

        assertThat(deadlines.handlingDeadline()).isEqualTo(ZonedDateTime.parse("2026-12-05T18:00:00+08:00").toInstant());
    }

    @Test
    void workingDaysSkipSaturdayAndSunday() {
        Instant friday = ZonedDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();

        Deadlines deadlines = Deadlines.of(category(2, MatterCategory.HandlingLimitUnit.WORKING_DAYS), Urgency.ORDINARY,
                friday);

        assertThat(deadlines.handlingDeadline()).isEqualTo(ZonedDateTime.parse("2026-12-08T10:00:00+08:00").toInstant());
    }

    @Test
    void workingDaysCountInChinaTimeNotUtc() {
        // Saturday 01:00 in Beijing is still Friday in UTC; the next working day is Monday.
        Instant saturdayInBeijing = ZonedDateTime.parse("2026-12-05T01:00:00+08:00").toInstant();

        Deadlines deadlines = Deadlines.of(category(1, MatterCategory.HandlingLimitUnit.WORKING_DAYS), Urgency.ORDINARY,
                saturdayInBeijing);

        assertThat(deadlines.handlingDeadline()).isEqualTo(ZonedDateTime.parse("2026-12-07T01:00:00+08:00").toInstant());
    }

    private static MatterCategory category(int handlingLimit, MatterCategory.HandlingLimitUnit unit) {
        return new MatterCategory("0501", "占道经营", "城市管理", DEPARTMENT, ROUTE, 120, 30, handlingLimit, unit);
    }
}

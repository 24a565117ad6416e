package cn.hemeigrid.indicators;

/**
 * Indicators of one unit over a review period. Rates are fractions from 0 to 1; a rate or
 * average is null when its denominator is 0 (nothing due, closed, accepted or rated).
 *
 * @param filed                  立案数: incidents reported in the period
 * @param due                    应结案数: incidents whose handling deadline falls in the period
 * @param closed                 结案数: incidents closed in the period that are still closed or rated
 * @param closedOnTime           按期结案数: of {@code closed}, those closed at or before the handling deadline
 * @param reopened               of {@code closed}, those reopened (返工) at least once before
 * @param closureRate            closed / due
 * @param onTimeRate             closedOnTime / due
 * @param reworkRate             reopened / closed
 * @param averageMinutesToAccept mean minutes from report to acceptance, over incidents accepted in the period
 * @param averageMinutesToClose  mean minutes from report to the latest closure, over {@code closed}
 * @param satisfaction           mean score (1 to 5) of the ratings given in the period
 */
public record UnitIndicators(String code, String name, long filed, long due, long closed, long closedOnTime,
                             long reopened, Double closureRate, Double onTimeRate, Double reworkRate,
                             Double averageMinutesToAccept, Double averageMinutesToClose, Double satisfaction) {
}

package cn.hemeigrid.planning.geometry;

/** The effect of a finding on a change. */
public enum Severity {
    /** The server fixed the input and the change goes ahead with the fixed shape. */
    REPAIRED,
    /** The change goes ahead, but the planner should look at the spot. */
    WARNING,
    /** The change is rejected until the planner fixes the spot. */
    REJECTED
}

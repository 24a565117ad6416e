package cn.hemeigrid.incident;

import java.util.Locale;

/** The two deadlines of an incident: to dispatch it (assign) and to finish handling it. */
public enum DeadlineKind {
    ASSIGN, HANDLING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

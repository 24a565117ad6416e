package cn.hemeigrid.access;

/** Tells which jurisdiction the request being served is limited to. */
public interface CurrentJurisdiction {

    Jurisdiction get();
}

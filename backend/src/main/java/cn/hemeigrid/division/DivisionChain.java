package cn.hemeigrid.division;

import cn.hemeigrid.CodeName;

/** The county, township/street and village/community that contain one grid. */
public record DivisionChain(CodeName county, CodeName township, CodeName village) {
}

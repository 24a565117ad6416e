package cn.hemeigrid.routing;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A grid as routing results show it. {@code dedicatedType} and its name are null for basic
 * grids.
 */
public record GridRef(
        @JsonIgnore long id,
        String code,
        String name,
        String kind,
        String dedicatedType,
        String dedicatedTypeName,
        @JsonIgnore String villageCode) {
}

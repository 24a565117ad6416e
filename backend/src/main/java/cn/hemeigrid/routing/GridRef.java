package cn.hemeigrid.routing;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A grid as routing results show it. {@code dedicatedType} and its name are null for basic
 * grids; {@code version} is the grid version the point was routed with.
 */
public record GridRef(
        @JsonIgnore long id,
        String code,
        String name,
        String kind,
        String dedicatedType,
        String dedicatedTypeName,
        @JsonIgnore String villageCode,
        @JsonIgnore int version) {
}

package cn.hemeigrid.planning;

import org.springframework.stereotype.Component;

import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads planning request bodies. Unlike the application's JSON reader it accepts the literals
 * NaN and Infinity, so that a shape containing them is rejected with the feature and position
 * named instead of as an unreadable body.
 */
@Component
class PlanningRequests {

    private final JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** @throws RejectedRequestException 400 when the body is missing or not JSON of the expected shape */
    <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw RejectedRequestException.badRequest("problem.unreadable-body");
        }
        T request;
        try {
            request = json.readValue(body, type);
        } catch (JacksonException unreadable) {
            throw RejectedRequestException.badRequest("problem.unreadable-body");
        }
        if (request == null) {
            throw RejectedRequestException.badRequest("problem.unreadable-body");
        }
        return request;
    }
}

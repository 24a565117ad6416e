package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * Gives new grids their codes: the codes a planner typed (for example codes assigned by the
 * province), validated against the village/community and every code ever used, or else the
 * next free codes proposed by {@link GridCodes}. Must run inside the transaction that inserts
 * the grids, because it locks the village's code sequence until that transaction ends.
 */
@Component
class GridCodeAssignment {

    private final GridCodes codes;

    GridCodeAssignment(GridCodes codes) {
        this.codes = codes;
    }

    /**
     * Returns {@code count} codes for new grids of a village/community.
     *
     * @param typed the codes the planner typed, in order, or an empty list to have them proposed
     * @throws RejectedRequestException 400 for a malformed code or the wrong number of codes,
     *                                  422 for a code of another village or when the village has
     *                                  no free serial left, 409 for a code already used
     */
    List<GridCode> assign(String villageCode, List<String> typed, int count) {
        codes.lockVillage(villageCode);
        if (typed == null || typed.isEmpty()) {
            List<GridCode> proposed = codes.proposeNext(villageCode, count);
            if (proposed.size() < count) {
                throw RejectedRequestException.unprocessable("planning.codes-exhausted", villageCode, count);
            }
            return proposed;
        }
        if (typed.size() != count) {
            throw RejectedRequestException.badRequest("planning.code-count", count, typed.size());
        }

        List<GridCode> assigned = new ArrayList<>();
        Set<GridCode> seen = new HashSet<>();
        for (String text : typed) {
            GridCode code = GridCode.parse(text)
                    .orElseThrow(() -> RejectedRequestException.badRequest("planning.code-invalid", String.valueOf(text)));
            if (!code.belongsTo(villageCode)) {
                throw RejectedRequestException.unprocessable("planning.code-other-village", code.value(), villageCode);
            }
            if (!seen.add(code)) {
                throw RejectedRequestException.badRequest("planning.code-repeated", code.value());
            }
            codes.statusOf(code).ifPresent(status -> {
                throw RejectedRequestException.conflict("planning.code-taken-" + status, code.value());
            });
            assigned.add(code);
        }
        return assigned;
    }
}

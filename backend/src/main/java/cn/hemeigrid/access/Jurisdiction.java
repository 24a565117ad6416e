package cn.hemeigrid.access;

import java.util.Set;

/**
 * The piece of the city an account may see and act on. Queries filter by it in SQL, so rows
 * outside it are never loaded, counted or returned.
 */
public sealed interface Jurisdiction {

    /** The whole city: administrators and city-level staff. */
    record WholeCity() implements Jurisdiction {
    }

    /**
     * A county, township or village/community and everything inside it.
     *
     * @param unitCode the unit's 12-digit division code
     */
    record Unit(String unitCode) implements Jurisdiction {

        /**
         * Returns the leading digits shared by every code inside the unit: 4 for a city, 6 for a county,
         * 9 for a township and all 12 for a village/community.
         */
        public String codePrefix() {
            if (!unitCode.endsWith("000")) {
                return unitCode;
            }
            if (!unitCode.endsWith("000000")) {
                return unitCode.substring(0, 9);
            }
            return unitCode.endsWith("00000000") ? unitCode.substring(0, 4) : unitCode.substring(0, 6);
        }
    }

    /**
     * A chosen set of grids: a grid worker's or grid leader's own grids.
     *
     * @param gridCodes 15-digit grid codes
     */
    record Grids(Set<String> gridCodes) implements Jurisdiction {

        public Grids {
            gridCodes = Set.copyOf(gridCodes);
        }
    }

    /**
     * A functional department: the incidents routed to it or on which it was summoned.
     *
     * @param departmentCode the department's code in the matter catalogue
     */
    record Department(String departmentCode) implements Jurisdiction {
    }
}

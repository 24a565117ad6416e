package cn.hemeigrid.access;

import java.util.List;

/** Request bodies of the administrator's account API. */
final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * The jurisdiction as sent: {@code kind} is whole_city, unit, grids or department, and the
     * matching field names the unit, grids or department.
     */
    record JurisdictionRequest(String kind, String unitCode, List<String> gridCodes, String departmentCode) {
    }

    record NewAccount(String loginName, String displayName, String password, List<String> roles,
                      JurisdictionRequest jurisdiction, Long gridWorkerId) {
    }

    record AccountChanges(String displayName, List<String> roles, JurisdictionRequest jurisdiction,
                          Long gridWorkerId) {
    }

    record PasswordReset(String password) {
    }

    record EnabledChange(Boolean enabled) {
    }
}

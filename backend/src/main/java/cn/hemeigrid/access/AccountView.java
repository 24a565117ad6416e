package cn.hemeigrid.access;

import java.util.List;
import java.util.Map;

/** An account as the administrator page lists it; never contains the password hash. */
record AccountView(long id, String loginName, String displayName, boolean enabled, List<String> roles,
                   Map<String, Object> jurisdiction, Long gridWorkerId) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.loginName(), account.displayName(), account.enabled(),
                account.roles().stream().sorted().map(Role::code).toList(), Accounts.describe(account.jurisdiction()),
                account.gridWorkerId());
    }
}

package cn.hemeigrid.access;

import java.util.List;
import java.util.Map;

/**
 * The signed-in account, as GET /api/v1/session and a successful sign-in return it.
 *
 * @param signedIn false for an anonymous session, when every other field is null or empty
 */
record SessionView(boolean signedIn, Long accountId, String loginName, String displayName, List<String> roles,
                   Map<String, Object> jurisdiction, Long gridWorkerId) {

    static SessionView of(Account account) {
        List<String> roles = account.roles().stream().sorted().map(Role::code).toList();
        return new SessionView(true, account.id(), account.loginName(), account.displayName(), roles,
                Accounts.describe(account.jurisdiction()), account.gridWorkerId());
    }

    static SessionView anonymous() {
        return new SessionView(false, null, null, null, List.of(), null, null);
    }
}

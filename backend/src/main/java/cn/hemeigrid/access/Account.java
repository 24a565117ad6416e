package cn.hemeigrid.access;

import java.util.Set;

/**
 * A staff account as stored, without its password hash.
 *
 * @param gridWorkerId the grid team member the account belongs to, or null
 */
public record Account(long id, String loginName, String displayName, boolean enabled, Set<Role> roles,
                      Jurisdiction jurisdiction, Long gridWorkerId) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}

// The signed-in account on the staff pages: the top bar shows its name, a link to the
// administrator page for administrators, and a sign-out button. A page opened without a
// session goes to the sign-in page, which returns here afterwards.
import { getJson, postJson } from './api.js';
import { el } from './dom.js';

// Pages of the top bar and the roles whose API calls they need; a link is hidden for other
// accounts. The server checks every call again (EndpointRules), so this only tidies the bar.
const PAGE_ROLES = {
  'planning.html': ['dispatcher_village', 'dispatcher_township', 'dispatcher_county', 'planner', 'administrator'],
  'review.html': ['grid_leader', 'department_handler', 'dispatcher_village', 'dispatcher_township',
    'dispatcher_county', 'planner', 'administrator'],
  'admin.html': ['administrator'],
};

/** Sends the browser to the sign-in page, which comes back to the current page afterwards. */
export function goToSignIn() {
  const next = `${location.pathname}${location.search}${location.hash}`;
  location.assign(`/login.html?next=${encodeURIComponent(next)}`);
}

/**
 * Loads the session and adds the account to the page's top bar. Returns the session
 * ({signedIn, loginName, displayName, roles, jurisdiction}), or null after sending the
 * browser to the sign-in page.
 */
export async function startSessionBar() {
  const session = await getJson('/api/v1/session');
  if (!session.signedIn) {
    goToSignIn();
    return null;
  }
  for (const [page, roles] of Object.entries(PAGE_ROLES)) {
    const allowed = session.roles.some((role) => roles.includes(role));
    for (const link of document.querySelectorAll(`.topbar__nav a[href="${page}"]`)) {
      link.hidden = !allowed;
    }
  }
  const topbar = document.querySelector('.topbar');
  if (topbar) {
    const signOut = el('button', { type: 'button', class: 'button button--small topbar__sign-out' }, '退出登录');
    signOut.addEventListener('click', async () => {
      try {
        await postJson('/api/v1/session/sign-out', {});
      } finally {
        location.assign('/login.html');
      }
    });
    const parts = [el('span', { class: 'topbar__account-name', id: 'account-name' }, session.displayName)];
    if (session.roles.includes('administrator') && !location.pathname.endsWith('/admin.html')) {
      parts.push(el('a', { href: 'admin.html', class: 'topbar__admin-link' }, '账号管理'));
    }
    parts.push(signOut);
    topbar.append(el('div', { class: 'topbar__account' }, ...parts));
  }
  return session;
}

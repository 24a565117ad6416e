// The sign-in page: posts the login name and password to /api/v1/session/sign-in and then
// opens the page named by ?next= (a path on this server), or the map.
import { clearError, csrfHeader, getJson, showError } from './api.js';

const form = document.getElementById('sign-in-form');
const errorBox = document.getElementById('error');

/** Returns the page to open after sign-in: only a path on this server, never another site. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

async function signIn(event) {
  event.preventDefault();
  const loginName = form.loginName.value.trim();
  const password = form.password.value;
  if (!loginName || !password) {
    showError(errorBox, '请填写登录名和密码。');
    return;
  }
  clearError(errorBox);
  form.querySelector('button').disabled = true;
  try {
    // Loads the XSRF-TOKEN cookie the sign-in request must echo.
    await getJson('/api/v1/session');
    const response = await fetch('/api/v1/session/sign-in', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        'Accept-Language': 'zh-CN',
        ...csrfHeader(),
      },
      body: new URLSearchParams({ loginName, password }),
    });
    if (response.ok) {
      location.assign(nextPage());
      return;
    }
    const problem = await response.json().catch(() => null);
    showError(errorBox, problem?.detail ?? `登录失败（HTTP ${response.status}）。`);
    form.password.value = '';
    form.password.focus();
  } catch (error) {
    showError(errorBox, error, '登录失败');
  } finally {
    form.querySelector('button').disabled = false;
  }
}

form.addEventListener('submit', signIn);
form.loginName.focus();

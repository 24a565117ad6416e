// Fetch helpers for the hemei-grid JSON API and display of its errors. The server reports
// errors as RFC 9457 problem details ({type, title, status, detail}).

// The server localises status, role and grid-type names and the error detail by
// Accept-Language. The pages are Chinese, so every request sets zh-CN, whatever language
// the browser itself prefers.
const PAGE_LANGUAGE = 'zh-CN';

/** An HTTP error response. `problem` is the parsed problem details body, or null. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** A request that never reached the server (offline, DNS, connection refused). */
export class NetworkError extends Error {
  constructor(cause) {
    super('无法连接服务器，请检查网络后重试。');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** Sends a GET request and returns the parsed JSON body. Throws ApiError or NetworkError. */
export async function getJson(path, { signal } = {}) {
  const response = await send(path, { headers: { Accept: 'application/json' }, signal });
  return readJson(response);
}

/** Sends a POST request with a JSON body and returns the parsed JSON response; `headers` are added. */
export async function postJson(path, body, { signal, headers = {} } = {}) {
  const response = await send(path, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  return readJson(response);
}

/** Sends a FormData body as multipart/form-data (the browser sets the boundary) and returns the parsed JSON. */
export async function postMultipart(path, formData, { signal } = {}) {
  const response = await send(path, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: formData,
    signal,
  });
  return readJson(response);
}

/** Sends a PUT request with a JSON body and returns the parsed JSON response, or null for 204. */
export async function putJson(path, body, { signal } = {}) {
  const response = await send(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  return readJson(response);
}

/** Builds a query string from an object, leaving out null, undefined and empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Returns true for the error fetch raises when its AbortSignal fires. */
export function isAbort(error) {
  return error?.name === 'AbortError';
}

/** Shows an error message in a page's error box, optionally after a context such as "提交失败". */
export function showError(box, error, context) {
  const message = error instanceof Error ? error.message : String(error);
  box.textContent = context ? `${context}：${message}` : message;
  box.hidden = false;
}

/** Hides and empties an error box. */
export function clearError(box) {
  box.textContent = '';
  box.hidden = true;
}

/**
 * Returns the CSRF header for an unsafe request of a signed-in page: the server sets the
 * XSRF-TOKEN cookie and accepts a POST, PUT, PATCH or DELETE only with its value in X-XSRF-TOKEN.
 */
export function csrfHeader() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
}

async function send(path, init) {
  const unsafe = init.method && init.method !== 'GET' && init.method !== 'HEAD';
  const headers = { ...init.headers, ...(unsafe ? csrfHeader() : {}), 'Accept-Language': PAGE_LANGUAGE };
  try {
    return await fetch(path, { ...init, headers });
  } catch (error) {
    if (isAbort(error)) {
      throw error;
    }
    throw new NetworkError(error);
  }
}

async function readJson(response) {
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  if (response.status === 401 && !location.pathname.endsWith('/login.html')) {
    // The session ended (timeout, sign-out elsewhere, account disabled): sign in again and come back.
    const next = `${location.pathname}${location.search}${location.hash}`;
    location.assign(`/login.html?next=${encodeURIComponent(next)}`);
  }
  throw new ApiError(response.status, await readProblem(response));
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function problemMessage(status, problem) {
  if (problem?.detail) {
    return problem.detail;
  }
  if (status === 404) {
    return '未找到请求的内容。';
  }
  if (status >= 500) {
    return `服务器出错（HTTP ${status}），请稍后重试。`;
  }
  // The title is left out because Spring fills it with English reason phrases.
  return `请求失败（HTTP ${status}）。`;
}

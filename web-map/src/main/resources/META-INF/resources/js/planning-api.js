// Requests of the planning page to /api/v1/planning/... A rejected change keeps the server's
// problem details on the ApiError, so the page can draw error.problem.problems (the findings
// as GeoJSON) and read error.problem.currentVersion after a 409.
import { ApiError, NetworkError, csrfHeader, isAbort } from './api.js';

/** Sends a JSON request with any method and returns the parsed JSON response. */
export async function requestJson(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      // The page is in Chinese, so the server's messages must be too, whatever the browser's language.
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': 'zh-CN',
        ...(method === 'GET' ? {} : csrfHeader()),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (isAbort(error)) {
      throw error;
    }
    throw new NetworkError(error);
  }
  if (response.ok) {
    return response.json();
  }
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    problem = null;
  }
  throw new ApiError(response.status, problem);
}

export function loadVillage(code) {
  return requestJson('GET', `/api/v1/planning/villages/${encodeURIComponent(code)}`);
}

export function createGrid(villageCode, geometry) {
  return requestJson('POST', '/api/v1/planning/grids', { villageCode, geometry });
}

export function reshapeGrid(grid, geometry) {
  return requestJson('PUT', `/api/v1/planning/grids/${grid.code}/shape`, { version: grid.version, geometry });
}

export function editAttributes(grid, attributes) {
  return requestJson('PATCH', `/api/v1/planning/grids/${grid.code}`, { version: grid.version, ...attributes });
}

export function splitGrid(grid, line) {
  return requestJson('POST', `/api/v1/planning/grids/${grid.code}/split`, { version: grid.version, line });
}

export function mergeGrids(grids) {
  return requestJson('POST', '/api/v1/planning/merges', {
    grids: grids.map((grid) => ({ code: grid.code, version: grid.version })),
  });
}

export function retireGrid(grid) {
  return requestJson('POST', `/api/v1/planning/grids/${grid.code}/retire`, { version: grid.version });
}

export function loadHistory(code) {
  return requestJson('GET', `/api/v1/planning/grids/${encodeURIComponent(code)}/history`);
}

export function checkCoverage(unitCode) {
  return requestJson('GET', `/api/v1/planning/coverage/${encodeURIComponent(unitCode)}`);
}

export function loadLayerAsOf(bbox, asOf) {
  const search = new URLSearchParams({ bbox, asOf });
  return requestJson('GET', `/api/v1/planning/layer?${search}`);
}

export function loadTeam(code) {
  return requestJson('GET', `/api/v1/planning/grids/${encodeURIComponent(code)}/team`);
}

/** Replaces a grid's team with members given as [{workerId, role}]. */
export function replaceTeam(code, members) {
  return requestJson('PUT', `/api/v1/planning/grids/${encodeURIComponent(code)}/team`, { members });
}

export function findWorkers(name) {
  return requestJson('GET', `/api/v1/planning/workers?${new URLSearchParams({ name })}`);
}

/** Attaches a department's professional grid worker to every active grid of a village/community. */
export function attachToVillage(workerId, villageCode) {
  return requestJson('POST', `/api/v1/planning/workers/${workerId}/grids`, { villageCode });
}

/** Finds the village/community at a point through the routing API, for picking a village on the map. */
export async function villageAt(latlng) {
  const search = new URLSearchParams({ lon: latlng.lng.toFixed(7), lat: latlng.lat.toFixed(7) });
  const routing = await requestJson('GET', `/api/v1/route?${search}`);
  return routing.village.code;
}

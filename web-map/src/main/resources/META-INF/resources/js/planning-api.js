// Requests of the planning page to /api/v1/planning/... A rejected change keeps the server's
// problem details on the ApiError, so the page can draw error.problem.problems (the findings
// as GeoJSON) and read error.problem.currentVersion after a 409.
import { ApiError, NetworkError, csrfHeader, isAbort } from './api.js';

/**
 * Sends a request with any method and returns the parsed JSON response. The body is sent as
 * JSON unless a contentType is given, in which case it is sent as it is (a File or Blob).
 * With `download: true` the response body is returned as a Blob instead.
 */
export async function requestJson(method, path, body, { contentType = 'application/json', download = false } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      // The page is in Chinese, so the server's messages must be too, whatever the browser's language.
      headers: {
        'Content-Type': contentType,
        Accept: download ? '*/*' : 'application/json',
        'Accept-Language': 'zh-CN',
        ...(method === 'GET' ? {} : csrfHeader()),
      },
      body: body === undefined || contentType !== 'application/json' ? body : JSON.stringify(body),
    });
  } catch (error) {
    if (isAbort(error)) {
      throw error;
    }
    throw new NetworkError(error);
  }
  if (response.ok) {
    return download ? response.blob() : response.json();
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

/** Replaces a grid's team with members given as [{workerId, role}]; the history records the signed-in planner. */
export function replaceTeam(code, members) {
  return requestJson('PUT', `/api/v1/planning/grids/${encodeURIComponent(code)}/team`, { members });
}

export function loadTeamHistory(code) {
  return requestJson('GET', `/api/v1/planning/grids/${encodeURIComponent(code)}/team/history`);
}

export function findWorkers(name) {
  return requestJson('GET', `/api/v1/planning/workers?${new URLSearchParams({ name })}`);
}

/** Attaches a department's professional grid worker to every active grid of a village/community. */
export function attachToVillage(workerId, villageCode) {
  return requestJson('POST', `/api/v1/planning/workers/${workerId}/grids`, { villageCode });
}

/**
 * Uploads a grid file as an import job (dry run, or commit when `commit` is true) and returns
 * the job; poll it with loadImportJob.
 */
export function submitImport(file, { format, crs, commit }) {
  const search = new URLSearchParams({ format, commit: String(commit) });
  if (crs) {
    search.set('crs', crs);
  }
  return requestJson('POST', `/api/v1/planning/imports?${search}`, file,
    { contentType: file.type && file.type.startsWith('text/') ? `${file.type};charset=utf-8` : 'application/octet-stream' });
}

export function loadImportJob(id) {
  return requestJson('GET', `/api/v1/planning/imports/${encodeURIComponent(id)}`);
}

/** Downloads the grids of a unit as a file of the format (geojson, csv, kml, gpkg, shp); asOf is optional. */
export function exportGrids(unit, format, asOf) {
  const search = new URLSearchParams({ unit, format });
  if (asOf) {
    search.set('asOf', asOf);
  }
  return requestJson('GET', `/api/v1/planning/export?${search}`, undefined, { download: true });
}

/** Finds the village/community at a point through the routing API, for picking a village on the map. */
export async function villageAt(latlng) {
  const search = new URLSearchParams({ lon: latlng.lng.toFixed(7), lat: latlng.lat.toFixed(7) });
  const routing = await requestJson('GET', `/api/v1/route?${search}`);
  return routing.village.code;
}

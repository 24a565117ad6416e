// The Leaflet map shared by all pages: view, bounds and base tiles from /api/v1/map/config.
import { getJson } from './api.js';
import { escapeHtml } from './dom.js';

/** Used when /api/v1/map/config cannot be loaded: Huizhou with no base tiles. */
export const FALLBACK_CONFIG = Object.freeze({
  tileUrl: '',
  tileAttribution: '',
  bounds: [113.85, 22.55, 115.45, 23.95],
});

// NOTE: credits the county outlines shipped in gis-data/ (CC BY 4.0 requires it). A locality
// that imports its own outlines should change this line.
const BOUNDARY_CREDIT = '区县边界：Vonng/adcode（AMap district boundaries，CC BY 4.0）';

/** Loads the map configuration. Throws ApiError or NetworkError. */
export function loadMapConfig() {
  return getJson('/api/v1/map/config');
}

/**
 * Creates a map in the container, showing the whole city (config.bounds, as
 * [minLon, minLat, maxLon, maxLat]) at the largest zoom that fits the container, so that no
 * county is cut off on a phone. keepViewInAddress replaces that view with a saved one.
 * With an empty tileUrl no base layer is added, so the page draws only our own layers on a
 * plain background and requests nothing from outside.
 */
export function createBaseMap(container, config) {
  const [minLon, minLat, maxLon, maxLat] = config.bounds;
  const area = L.latLngBounds([minLat, minLon], [maxLat, maxLon]);

  const map = L.map(container, {
    minZoom: 7,
    maxZoom: 19,
    maxBounds: area.pad(0.5),
    maxBoundsViscosity: 0.8,
  });

  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution(escapeHtml(BOUNDARY_CREDIT));

  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      maxZoom: 19,
      maxNativeZoom: 18,
      // Plain text: the attribution comes from server configuration and is escaped here.
      attribution: config.tileAttribution ? escapeHtml(config.tileAttribution) : '',
    }).addTo(map);
  } else {
    map.getContainer().classList.add('map--no-tiles');
  }

  map.fitBounds(area);
  return map;
}

/** Formats the map's current view as the API's bbox parameter "minLon,minLat,maxLon,maxLat". */
export function bboxParameter(bounds) {
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
    .map((value) => value.toFixed(6))
    .join(',');
}

/**
 * Keeps the view in the address as "#map=zoom/lat/lon", so a view can be bookmarked or sent
 * to a colleague, and starts from that view instead of the whole city when the address has one.
 */
export function keepViewInAddress(map) {
  const match = /^#map=(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
  if (match) {
    map.setView([Number(match[2]), Number(match[3])], Number(match[1]));
  }

  map.on('moveend', () => {
    const centre = map.getCenter();
    const hash = `#map=${map.getZoom()}/${centre.lat.toFixed(5)}/${centre.lng.toFixed(5)}`;
    window.history.replaceState(null, '', hash);
  });
}

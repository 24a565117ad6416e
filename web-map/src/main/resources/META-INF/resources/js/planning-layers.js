// Map layers of the planning page: the village/community boundary, its grids, the findings
// the server returned, a past version of a grid and the grid layer as of a date.
import { el } from './dom.js';
import { ringsOf } from './planning-snap.js';

export const PLANNING_STYLES = {
  village: { color: '#4f6172', weight: 2.5, dashArray: '8 5', fill: false, interactive: false },
  basic: { color: '#1f6fb2', weight: 1.5, fillColor: '#1f6fb2', fillOpacity: 0.1 },
  dedicated: { color: '#c8641a', weight: 2.5, dashArray: '6 4', fillColor: '#e8913a', fillOpacity: 0.22 },
  selected: { color: '#c8641a', weight: 4, fillOpacity: 0.3 },
  checked: { color: '#1e7a46', weight: 4, fillOpacity: 0.25 },
  rejected: { color: '#b3261e', weight: 2, fillColor: '#b3261e', fillOpacity: 0.4 },
  warning: { color: '#c8641a', weight: 2, fillColor: '#e8913a', fillOpacity: 0.4 },
  repaired: { color: '#1e7a46', weight: 2, fillColor: '#1e7a46', fillOpacity: 0.3 },
  past: { color: '#6b4e9b', weight: 3, dashArray: '4 4', fill: false, interactive: false },
  asOf: { color: '#5d6b78', weight: 2, dashArray: '3 3', fillColor: '#5d6b78', fillOpacity: 0.06, interactive: false },
};

export class PlanningLayers {
  constructor(map, { onGridClick }) {
    this.map = map;
    this.village = null;
    this.villageLayer = L.geoJSON(null, { style: PLANNING_STYLES.village }).addTo(map);
    this.gridLayer = L.geoJSON(null, {
      style: (feature) => PLANNING_STYLES[feature.properties.kind] ?? PLANNING_STYLES.basic,
      onEachFeature: (feature, layer) => {
        // Elements rather than strings: Leaflet reads strings as HTML, and names are typed by planners.
        layer.bindTooltip(el('span', {}, `${feature.properties.name}（${feature.properties.code}）`), { sticky: true });
        layer.on('click', () => onGridClick(feature.properties.code));
      },
    }).addTo(map);
    // Not interactive, so that clicks reach the current grids underneath.
    this.asOfLayer = L.geoJSON(null, { style: PLANNING_STYLES.asOf, interactive: false }).addTo(map);
    this.pastLayer = L.geoJSON(null, { style: PLANNING_STYLES.past }).addTo(map);
    this.findingLayer = L.geoJSON(null, {
      style: (feature) => PLANNING_STYLES[feature.properties.severity] ?? PLANNING_STYLES.rejected,
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
        ...(PLANNING_STYLES[feature.properties.severity] ?? PLANNING_STYLES.rejected), radius: 8,
      }),
      onEachFeature: (feature, layer) => layer.bindPopup(() => el('p', {}, findingText(feature.properties))),
    }).addTo(map);
  }

  /** Draws a village/community and its grids; `fit` moves the map to the village. */
  showVillage(village, { fit = false } = {}) {
    this.village = village;
    this.villageLayer.clearLayers().addData(village.boundary);
    this.gridLayer.clearLayers();
    for (const grid of village.grids) {
      this.gridLayer.addData({ type: 'Feature', geometry: grid.geometry, properties: grid });
    }
    if (fit) {
      this.map.fitBounds(this.villageLayer.getBounds(), { padding: [20, 20] });
    }
  }

  /** Styles the selected grid and the grids checked for a merge. */
  highlight(selectedCode, checkedCodes) {
    this.gridLayer.eachLayer((layer) => {
      const { code, kind } = layer.feature.properties;
      layer.setStyle(PLANNING_STYLES[kind] ?? PLANNING_STYLES.basic);
      if (checkedCodes.has(code)) {
        layer.setStyle(PLANNING_STYLES.checked);
      }
      if (code === selectedCode) {
        layer.setStyle(PLANNING_STYLES.selected);
        layer.bringToFront();
      }
    });
  }

  /** Draws a FeatureCollection of findings and zooms to them when any has a geometry. */
  showFindings(collection) {
    this.findingLayer.clearLayers();
    const located = (collection?.features ?? []).filter((feature) => feature.geometry);
    this.findingLayer.addData(located);
    if (located.length > 0) {
      this.map.fitBounds(this.findingLayer.getBounds(), { padding: [40, 40], maxZoom: 18 });
    }
  }

  zoomTo(geometry) {
    const bounds = L.geoJSON(geometry).getBounds();
    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [60, 60], maxZoom: 18 });
    }
  }

  showPast(geometry) {
    this.pastLayer.clearLayers();
    if (geometry) {
      this.pastLayer.addData(geometry);
    }
  }

  showAsOf(collection) {
    this.asOfLayer.clearLayers();
    if (collection) {
      this.asOfLayer.addData(collection);
    }
  }

  /** Returns the rings to snap to: the village boundary and every grid except the one being edited. */
  snapTargets(excludedCode) {
    if (!this.village) {
      return [];
    }
    const rings = [...ringsOf(this.village.boundary)];
    for (const grid of this.village.grids) {
      if (grid.code !== excludedCode) {
        rings.push(...ringsOf(grid.geometry));
      }
    }
    return rings;
  }
}

/** Returns the text of a finding for popups and the list: the feature it belongs to and the message, which states any area. */
export function findingText(properties) {
  return properties.feature ? `${properties.feature}：${properties.message}` : properties.message;
}

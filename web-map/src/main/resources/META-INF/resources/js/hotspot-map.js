// Hot spot map of the review page: square cells coloured by the number of incidents reported
// in the period, from GET /api/v1/indicators/hotspots. Leaflet is loaded as a global script.
import { FALLBACK_CONFIG, createBaseMap, loadMapConfig } from './basemap.js';
import { getJson, query } from './api.js';
import { el } from './dom.js';

/** Fill colours from the fewest to the most incidents (ColorBrewer "Reds", 5 classes). */
const COLOURS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

/**
 * Returns the upper bound of each colour class for counts from 1 to max: at most five classes of
 * about equal width, each bound a whole number, so the last bound is max.
 */
export function classBounds(max) {
  const classCount = Math.min(COLOURS.length, max);
  const bounds = [];
  for (let index = 1; index <= classCount; index++) {
    const bound = Math.ceil((max * index) / classCount);
    if (bounds.at(-1) !== bound) {
      bounds.push(bound);
    }
  }
  return bounds;
}

/** Returns the colour of a count in the classes with these upper bounds. The top class is the darkest. */
function colourOf(count, bounds) {
  const index = bounds.findIndex((bound) => count <= bound);
  return COLOURS[COLOURS.length - bounds.length + index];
}

function legendRows(bounds) {
  return bounds.map((bound, index) => {
    const lower = index === 0 ? 1 : bounds[index - 1] + 1;
    const label = lower === bound ? `${bound} 件` : `${lower}–${bound} 件`;
    return el('li', {},
      el('span', { className: 'hotspot-legend__swatch', style: `background:${colourOf(bound, bounds)}` }),
      label);
  });
}

export class HotspotMap {
  /** Creates the map in the container; call load() to draw the cells of a period. */
  static async create(container, errorBox, showError) {
    const config = await loadMapConfig().catch((error) => {
      showError(errorBox, error, '加载地图配置失败，使用默认视图');
      return FALLBACK_CONFIG;
    });
    return new HotspotMap(createBaseMap(container, config));
  }

  constructor(map) {
    this.map = map;
    this.bounds = [];
    this.cells = L.geoJSON(null, {
      style: (feature) => ({
        color: '#7f0000',
        weight: 0.5,
        fillColor: colourOf(feature.properties.count, this.bounds),
        fillOpacity: 0.7,
      }),
      onEachFeature: (feature, layer) => layer.bindTooltip(el('span', {}, `${feature.properties.count} 件`)),
    }).addTo(map);
    this.legendBox = el('div', { className: 'hotspot-legend' });
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => this.legendBox;
    legend.addTo(map);
  }

  /**
   * Loads and draws the cells of the period (from and to as YYYY-MM-DD) with sides of cellMetres,
   * zooming to them when there are any. Throws ApiError, NetworkError or AbortError.
   */
  async load({ from, to, cellMetres }, signal) {
    const cells = await getJson(`/api/v1/indicators/hotspots${query({ from, to, cellMetres })}`, { signal });
    const counts = cells.features.map((feature) => feature.properties.count);
    this.bounds = counts.length === 0 ? [] : classBounds(Math.max(...counts));

    this.cells.clearLayers();
    this.cells.addData(cells);
    this.showLegend(cellMetres);

    if (counts.length > 0) {
      this.map.fitBounds(this.cells.getBounds(), { maxZoom: 15, padding: [16, 16] });
    }
    return counts.length;
  }

  showLegend(cellMetres) {
    const title = el('strong', {}, `每 ${cellMetres} 米方格上报事件数`);
    const body = this.bounds.length === 0
      ? el('p', {}, '本期无事件')
      : el('ul', {}, ...legendRows(this.bounds));
    this.legendBox.replaceChildren(title, body);
  }
}

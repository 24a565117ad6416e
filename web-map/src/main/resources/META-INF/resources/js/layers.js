// Boundary, grid and facility layers from GET /api/v1/layers/{layer}, loaded for the
// visible area, with their styles and legend entries.
import { getJson, query } from './api.js';
import { el } from './dom.js';
import { hideOverlappingLabels } from './label-collisions.js';
import { ViewportSource } from './viewport-source.js';

// Lowest zoom at which each layer is requested. The server may still return truncated=true.
export const MIN_ZOOM = {
  counties: 0,
  townships: 9,
  villages: 11,
  grids: 13,
  facilities: 13,
};

export const STYLES = {
  county: { className: 'boundary--county', color: '#25313d', weight: 3, fill: true, fillColor: '#fbfaf6', fillOpacity: 0.75 },
  township: { className: 'boundary--township', color: '#4f6172', weight: 2, dashArray: '8 5', fill: false },
  village: { className: 'boundary--village', color: '#7d8b98', weight: 1.2, dashArray: '2 4', fill: false },
  basicGrid: { className: 'grid--basic', color: '#1f6fb2', weight: 1, fillColor: '#1f6fb2', fillOpacity: 0.07 },
  dedicatedGrid: { className: 'grid--dedicated', color: '#c8641a', weight: 2.5, dashArray: '6 4', fillColor: '#e8913a', fillOpacity: 0.22 },
  facility: { radius: 4, color: '#ffffff', weight: 1, fillColor: '#6b4e9b', fillOpacity: 0.9 },
};

// Zoom from which area names are printed on the map, by level. County names are hidden
// again when zoomed in so far that they would sit alone in an empty middle. Village names
// are hidden while grid names are shown: the imported grid names start with the village's
// short name (紫西岭社区第2网格 in 紫西岭社区居委会), and the village label would crowd them.
const LABEL_ZOOM = { township: 11, village: 14, grid: 16, countyUntil: 12 };

/**
 * Adds the boundary, grid and facility layers to the map.
 *
 * @param options.onGridClick (feature, latlng) => void; without it grids ignore clicks and
 *   taps fall through to the map, as the resident page needs for dropping a pin
 * @param options.facilities whether to show facilities
 * @returns {overlays, sources}: overlays by Chinese name for L.control.layers, and the
 *   ViewportSources for a SourceStatusPanel
 */
export function addAreaLayers(map, { onGridClick = null, facilities = true } = {}) {
  createPanes(map);

  const counties = boundaryLayer('county');
  const townships = boundaryLayer('township');
  const villages = boundaryLayer('village');
  const basicGrids = gridLayer(STYLES.basicGrid, 'grids', onGridClick);
  const dedicatedGrids = gridLayer(STYLES.dedicatedGrid, 'dedicatedGrids', onGridClick);

  const overlays = {
    区县边界: counties,
    镇街边界: townships,
    '村（社区）边界': villages,
    基础网格: basicGrids,
    专属网格: dedicatedGrids,
  };
  const sources = [
    boundarySource(map, 'counties', counties, { truncated: '当前视野内区县边界未全部显示，请放大地图' }),
    boundarySource(map, 'townships', townships, { truncated: '当前视野内镇街边界未全部显示，请放大地图' }),
    boundarySource(map, 'villages', villages, { truncated: '当前视野内村（社区）边界未全部显示，请放大地图' }),
    gridSource(map, basicGrids, dedicatedGrids),
  ];

  if (facilities) {
    const facilityLayer = L.geoJSON(null, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { ...STYLES.facility, pane: 'facilities' }),
      onEachFeature: (feature, layer) => layer.bindPopup(() => facilityPopup(feature.properties)),
    });
    overlays['设施'] = facilityLayer;
    sources.push(boundarySource(map, 'facilities', facilityLayer, {
      truncated: '当前视野内设施过多，未全部显示，请放大地图',
    }));
  }

  for (const layer of Object.values(overlays)) {
    layer.addTo(map);
  }
  followLabelZoom(map, [basicGrids, dedicatedGrids]);
  // Where labels collide, grid names win, because from the zoom that shows them they are
  // what a grid worker looks for. Area names follow from county down to village.
  hideOverlappingLabels(map, [dedicatedGrids, basicGrids, counties, townships, villages]);
  return { overlays, sources };
}

/** Legend rows: [label, CSS class of the swatch]. The classes live in css/map.css. */
export const AREA_LEGEND = [
  ['区县边界', 'swatch swatch--county'],
  ['镇街边界', 'swatch swatch--township'],
  ['村（社区）边界', 'swatch swatch--village'],
  ['基础网格', 'swatch swatch--basic-grid'],
  ['专属网格', 'swatch swatch--dedicated-grid'],
  ['设施', 'swatch swatch--facility'],
];

/**
 * Adds the county, township and village/community outlines alone, loaded for the visible area,
 * as context for a page that draws grids of its own. Returns their data sources.
 */
export function addBoundaryContext(map) {
  if (!map.getPane('boundaries')) {
    map.createPane('boundaries').style.zIndex = '410';
  }
  const counties = boundaryLayer('county');
  const townships = boundaryLayer('township');
  const villages = boundaryLayer('village');
  const sources = [
    boundarySource(map, 'counties', counties, { truncated: '当前视野内区县边界未全部显示，请放大地图' }),
    boundarySource(map, 'townships', townships, { truncated: '当前视野内镇街边界未全部显示，请放大地图' }),
    boundarySource(map, 'villages', villages, { truncated: '当前视野内村（社区）边界未全部显示，请放大地图' }),
  ];
  for (const layer of [counties, townships, villages]) {
    layer.addTo(map);
  }
  hideOverlappingLabels(map, [counties, townships, villages]);
  return sources;
}

function createPanes(map) {
  // Above Leaflet's overlayPane (400) and below its markerPane (600), in drawing order, so
  // that a dedicated grid lies on top of the basic grid it sits in and takes the click.
  const panes = { boundaries: 410, grids: 420, dedicatedGrids: 430, facilities: 440 };
  for (const [name, zIndex] of Object.entries(panes)) {
    map.createPane(name).style.zIndex = String(zIndex);
  }
}

/** Sets the labels-* classes of the map container for the zoom and the grid layers shown. */
function followLabelZoom(map, gridLayers) {
  const container = map.getContainer();
  const update = () => {
    const zoom = map.getZoom();
    const gridLabels = zoom >= LABEL_ZOOM.grid && gridLayers.some((layer) => map.hasLayer(layer));
    container.classList.toggle('labels-county', zoom < LABEL_ZOOM.countyUntil);
    container.classList.toggle('labels-township', zoom >= LABEL_ZOOM.township);
    container.classList.toggle('labels-village', zoom >= LABEL_ZOOM.village && !gridLabels);
    container.classList.toggle('labels-grid', zoom >= LABEL_ZOOM.grid);
  };
  map.on('zoomend', update);
  for (const layer of gridLayers) {
    layer.on('add remove', update);
  }
  update();
}

function boundaryLayer(level) {
  return L.geoJSON(null, {
    pane: 'boundaries',
    interactive: false,
    style: STYLES[level],
    onEachFeature: (feature, layer) => bindLabel(layer, feature.properties.name, level),
  });
}

function gridLayer(style, pane, onGridClick) {
  return L.geoJSON(null, {
    pane,
    interactive: onGridClick !== null,
    style,
    onEachFeature: (feature, layer) => {
      bindLabel(layer, feature.properties.name, 'grid');
      if (onGridClick) {
        layer.on('click', (event) => onGridClick(feature, event.latlng));
      }
    },
  });
}

function bindLabel(layer, name, level) {
  layer.bindTooltip(el('span', {}, name), {
    permanent: true,
    direction: 'center',
    interactive: false,
    className: `area-label area-label--${level}`,
  });
}

function boundarySource(map, name, layer, { truncated }) {
  return new ViewportSource(map, {
    layers: [layer],
    minZoom: MIN_ZOOM[name],
    load: (bbox, zoom, signal) => loadLayer(name, bbox, zoom, signal),
    render: (collection) => replaceFeatures(layer, collection.features),
    clear: () => layer.clearLayers(),
    messages: { zoomIn: null, truncated, failed: `加载${layerTitle(name)}失败` },
  });
}

/** Creates the grid source: one request feeds both grid layers, which split the features by kind. */
function gridSource(map, basicGrids, dedicatedGrids) {
  return new ViewportSource(map, {
    layers: [basicGrids, dedicatedGrids],
    minZoom: MIN_ZOOM.grids,
    load: (bbox, zoom, signal) => loadLayer('grids', bbox, zoom, signal),
    render: (collection) => {
      const features = collection.features;
      replaceFeatures(basicGrids, features.filter((feature) => feature.properties.kind !== 'dedicated'));
      replaceFeatures(dedicatedGrids, features.filter((feature) => feature.properties.kind === 'dedicated'));
    },
    clear: () => {
      basicGrids.clearLayers();
      dedicatedGrids.clearLayers();
    },
    messages: {
      zoomIn: '放大地图以查看网格',
      truncated: '当前视野内网格过多，未全部显示，放大地图以查看网格',
      failed: '加载网格失败',
    },
  });
}

function loadLayer(name, bbox, zoom, signal) {
  return getJson(`/api/v1/layers/${name}${query({ bbox, zoom })}`, { signal });
}

function replaceFeatures(layer, features) {
  layer.clearLayers();
  layer.addData({ type: 'FeatureCollection', features });
}

function layerTitle(name) {
  return { counties: '区县边界', townships: '镇街边界', villages: '村（社区）边界', facilities: '设施' }[name];
}

function facilityPopup(properties) {
  return el('div', { className: 'popup' },
    el('h3', {}, properties.name),
    el('p', {}, properties.kindName));
}

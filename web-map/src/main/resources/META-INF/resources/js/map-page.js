// 地图 (index.html): boundaries, grids, facilities and clustered open incidents.
import { showError } from './api.js';
import { FALLBACK_CONFIG, createBaseMap, keepViewInAddress, loadMapConfig } from './basemap.js';
import { el } from './dom.js';
import { openGridPopup } from './grid-popup.js';
import { INCIDENT_LIMIT, incidentClusterGroup, incidentMarker, loadOpenIncidents } from './incidents.js';
import { AREA_LEGEND, addAreaLayers } from './layers.js';
import { SourceStatusPanel, ViewportSource } from './viewport-source.js';
import { startSessionBar } from './session.js';

const NARROW_SCREEN = window.matchMedia('(max-width: 700px)');

const INCIDENT_LEGEND = [
  ['一般事件', 'swatch swatch--incident'],
  ['紧急事件', 'swatch swatch--incident-urgent'],
  ['已超期事件', 'swatch swatch--incident-overdue'],
  ['事件聚合（数字为件数）', 'swatch swatch--cluster'],
];

async function start() {
  const errorBox = document.getElementById('error');
  const config = await loadMapConfig().catch((error) => {
    showError(errorBox, error, '加载地图配置失败，使用默认视图');
    return FALLBACK_CONFIG;
  });

  const map = createBaseMap('map', config);
  keepViewInAddress(map);
  const { overlays, sources } = addAreaLayers(map, {
    onGridClick: (feature, latlng) => openGridPopup(map, feature, latlng),
  });

  const incidents = incidentClusterGroup();
  sources.push(incidentSource(map, incidents));
  overlays['未办结事件'] = incidents.addTo(map);

  L.control.layers(null, overlays, { collapsed: NARROW_SCREEN.matches }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  legendControl().addTo(map);

  // Each source loads as soon as its layer is added to the map.
  new SourceStatusPanel(document.getElementById('map-hint'), document.getElementById('layer-error'), sources);

  // Lets the browser test and the console reach the map and its data sources.
  window.hemeiMap = { map, sources };
}

function incidentSource(map, cluster) {
  return new ViewportSource(map, {
    layers: [cluster],
    load: (bbox, zoom, signal) => loadOpenIncidents(bbox, { signal }),
    render: (result) => {
      cluster.clearLayers();
      cluster.addLayers(result.items.map(incidentMarker));
    },
    clear: () => cluster.clearLayers(),
    messages: {
      zoomIn: null,
      truncated: `当前视野内未办结事件超过 ${INCIDENT_LIMIT} 件，仅显示最新的 ${INCIDENT_LIMIT} 件`,
      failed: '加载未办结事件失败',
    },
  });
}

function legendControl() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const rows = [...AREA_LEGEND, ...INCIDENT_LEGEND].map(([label, swatch]) =>
      el('li', {}, el('span', { className: swatch, 'aria-hidden': 'true' }), label));
    const legend = el('details', { className: 'legend', open: !NARROW_SCREEN.matches },
      el('summary', {}, '图例'),
      el('ul', {}, rows));
    L.DomEvent.disableClickPropagation(legend);
    L.DomEvent.disableScrollPropagation(legend);
    return legend;
  };
  return control;
}

startSessionBar().catch(() => {});
start();

// 调度台 (dispatch.html): open incidents as a queue beside the map, earliest running deadline
// first, with filters, the workflow panel of the selected incident and staff entry of reports
// taken by phone or from the suggestion box. The queue follows the map view when 仅显示当前视野
// is checked and reloads every minute.
import { clearError, getJson, isAbort, query, showError } from './api.js';
import { FALLBACK_CONFIG, bboxParameter, createBaseMap, keepViewInAddress, loadMapConfig } from './basemap.js';
import { replaceChildren } from './dom.js';
import { openGridPopup } from './grid-popup.js';
import { incidentRow } from './incident-list.js';
import {
  INCIDENT_LIMIT, incidentClusterGroup, incidentMarker, updateIncidentMarker,
} from './incidents.js';
import { addAreaLayers } from './layers.js';
import { StaffEntry } from './staff-entry.js';
import { SourceStatusPanel } from './viewport-source.js';
import { WorkflowPanel } from './workflow-panel.js';
import { startSessionBar } from './session.js';

const REFRESH_INTERVAL_MS = 60_000;
const INCIDENT_ZOOM = 17;

const byId = (id) => document.getElementById(id);

class DispatchBoard {
  constructor(map) {
    this.map = map;
    this.cluster = incidentClusterGroup().addTo(map);
    this.markers = new Map();
    this.selectedId = null;
    this.controller = null;
    this.workflowPanel = null;

    byId('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      this.refresh();
    });
    // The reset event fires before the fields are cleared, so the reload waits a turn.
    byId('filters').addEventListener('reset', () => window.setTimeout(() => this.refresh()));
    byId('incident-list').addEventListener('click', (event) => {
      const row = event.target.closest('.incident-row');
      if (row) {
        this.select(row.dataset.id, { flyTo: true });
      }
    });
    byId('in-view').addEventListener('change', () => this.refresh());
    byId('refresh').addEventListener('click', () => this.refresh());
    map.on('moveend', () => {
      if (byId('in-view').checked) {
        this.refresh();
      }
    });

    window.setInterval(() => {
      if (!document.hidden) {
        this.refresh();
      }
    }, REFRESH_INTERVAL_MS);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        this.refresh();
      }
    });
  }

  /** Reloads the open incidents, for the map view or for the whole area. */
  async refresh() {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const bbox = byId('in-view').checked ? bboxParameter(this.map.getBounds()) : null;

    const parameters = {
      bbox,
      open: true,
      sort: 'deadline',
      limit: INCIDENT_LIMIT,
      status: byId('filter-status').value,
      category: byId('filter-category').value,
      handlerRoute: byId('filter-route').value,
      unit: byId('filter-unit').value.trim(),
      gridCode: byId('filter-grid').value.trim(),
    };

    let result;
    try {
      result = await getJson(`/api/v1/incidents${query(parameters)}`, { signal: controller.signal });
    } catch (error) {
      if (!isAbort(error)) {
        showError(byId('error'), error, '加载未办结事件失败');
      }
      return;
    }

    clearError(byId('error'));
    this.showItems(result.items);
    this.showSummary(result);
  }

  showItems(items) {
    replaceChildren(byId('incident-list'), items.map(incidentRow));
    this.updateMarkers(items);

    if (this.selectedId !== null && !this.markers.has(this.selectedId)) {
      this.selectedId = null;
      this.workflowPanel?.hide();
    }
    this.markSelectedRow();
  }

  /** Updates markers in place, so that an open popup stays open across a reload. */
  updateMarkers(items) {
    const stale = new Set(this.markers.keys());
    const added = [];

    for (const item of items) {
      const id = String(item.id);
      stale.delete(id);
      const marker = this.markers.get(id);
      if (marker) {
        updateIncidentMarker(marker, item);
      } else {
        const created = incidentMarker(item);
        created.on('click', () => this.select(id, { flyTo: false }));
        this.markers.set(id, created);
        added.push(created);
      }
    }

    this.cluster.removeLayers([...stale].map((id) => this.markers.get(id)));
    for (const id of stale) {
      this.markers.delete(id);
    }
    this.cluster.addLayers(added);
    // Icons may have changed (urgency, overdue), so cluster icons are drawn again.
    this.cluster.refreshClusters();
  }

  showSummary(result) {
    const scope = byId('in-view').checked ? '当前视野内' : '全部';
    byId('incident-count').textContent = `${scope} ${result.items.length} 件`;

    const hint = byId('list-hint');
    hint.hidden = !result.truncated;
    hint.textContent = result.truncated ? `事件超过 ${INCIDENT_LIMIT} 件，仅列出时限最近的 ${INCIDENT_LIMIT} 件，请缩小地图范围或增加筛选条件。` : '';

    const time = new Date().toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
    byId('updated-at').textContent = `更新于 ${time}`;
  }

  /**
   * Selects an incident: marks its row, shows its workflow panel and, from the list, flies the
   * map to it and opens its popup.
   */
  select(id, { flyTo }) {
    const marker = this.markers.get(id);
    if (!marker) {
      return;
    }
    this.selectedId = id;
    this.markSelectedRow();
    this.workflowPanel?.show(id);

    if (!flyTo) {
      return;
    }
    const openPopup = () => this.cluster.zoomToShowLayer(marker, () => marker.openPopup());
    const position = marker.getLatLng();
    if (this.map.getZoom() >= INCIDENT_ZOOM && this.map.getBounds().pad(-0.1).contains(position)) {
      openPopup();
      return;
    }
    this.map.once('moveend', openPopup);
    this.map.flyTo(position, Math.max(this.map.getZoom(), INCIDENT_ZOOM), { duration: 0.8 });
  }

  markSelectedRow() {
    for (const row of byId('incident-list').querySelectorAll('.incident-row')) {
      const selected = row.dataset.id === this.selectedId;
      row.classList.toggle('incident-row--selected', selected);
      row.setAttribute('aria-pressed', String(selected));
      if (selected) {
        row.scrollIntoView({ block: 'nearest' });
      }
    }
  }
}

async function start() {
  const config = await loadMapConfig().catch((error) => {
    showError(byId('error'), error, '加载地图配置失败，使用默认视图');
    return FALLBACK_CONFIG;
  });

  const map = createBaseMap('map', config);
  keepViewInAddress(map);
  const { overlays, sources } = addAreaLayers(map, {
    facilities: false,
    // While staff enter a report, a click on the map places its point instead of opening the grid.
    onGridClick: (feature, latlng) => {
      if (!byId('staff-entry').open) {
        openGridPopup(map, feature, latlng);
      }
    },
  });
  new SourceStatusPanel(byId('map-hint'), byId('layer-error'), sources);

  const board = new DispatchBoard(map);
  const [categories, handlerRoutes, departments] = await Promise.all([
    loadChoices('/api/v1/categories', '加载事项类别失败'),
    loadChoices('/api/v1/handler-routes', '加载分流方式失败'),
    loadChoices('/api/v1/departments', '加载职能部门失败'),
  ]);
  fillSelect(byId('filter-category'), categories);
  fillSelect(byId('filter-route'), handlerRoutes);
  board.workflowPanel = new WorkflowPanel(handlerRoutes, departments, () => board.refresh());
  const entry = new StaffEntry(map, categories, () => board.refresh());

  overlays['未办结事件'] = board.cluster;
  L.control.layers(null, overlays, { collapsed: true }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  board.refresh();

  window.hemeiDispatch = { map, board, entry };
}

/** Loads a list of {code, name} for a choice; on failure shows the error and returns an empty list. */
async function loadChoices(path, context) {
  try {
    return await getJson(path);
  } catch (error) {
    showError(byId('error'), error, context);
    return [];
  }
}

function fillSelect(select, choices) {
  for (const choice of choices) {
    const option = document.createElement('option');
    option.value = choice.code;
    option.textContent = choice.name;
    select.append(option);
  }
}

startSessionBar()
  .then((session) => {
    if (session) {
      byId('actor-name').textContent = session.displayName;
    }
  })
  .catch((error) => showError(byId('error'), error, '加载登录信息失败'));
start();

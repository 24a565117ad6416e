// Open incidents on the map: markers, their clusters and popups, and the list request.
import { getJson, query } from './api.js';
import { el } from './dom.js';
import { describeTimeLeft, formatDateTime, isOverdue, urgencyName } from './format.js';

/** Limit sent to GET /api/v1/incidents; the server sets truncated=true when there are more. */
export const INCIDENT_LIMIT = 500;

/**
 * Loads open incidents, newest first. `bbox` may be null for all of them.
 * Returns {items, truncated}.
 */
export function loadOpenIncidents(bbox, { signal } = {}) {
  return getJson(`/api/v1/incidents${query({ bbox, open: true, limit: INCIDENT_LIMIT })}`, { signal });
}

/** Creates the marker of one incident list item, with its popup. */
export function incidentMarker(item) {
  const marker = L.marker([item.lat, item.lon], {
    icon: incidentIcon(item),
    title: markerTitle(item),
    urgent: item.urgency === 'urgent',
  });
  marker.bindPopup(() => incidentPopup(item), { maxWidth: 300 });
  return marker;
}

/** Replaces a marker's item: position, icon and popup. */
export function updateIncidentMarker(marker, item) {
  marker.setLatLng([item.lat, item.lon]);
  marker.setIcon(incidentIcon(item));
  marker.options.urgent = item.urgency === 'urgent';
  marker.setPopupContent(() => incidentPopup(item));
}

/** Creates a cluster group whose icons show the count and turn red when any incident is urgent. */
export function incidentClusterGroup(options = {}) {
  return L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    disableClusteringAtZoom: 17,
    iconCreateFunction: (cluster) => {
      const urgent = cluster.getAllChildMarkers().some((marker) => marker.options.urgent);
      return L.divIcon({
        html: el('span', {}, String(cluster.getChildCount())),
        className: urgent ? 'incident-cluster incident-cluster--urgent' : 'incident-cluster',
        iconSize: L.point(34, 34),
      });
    },
    ...options,
  });
}

/** Builds the popup content for an incident list item. */
export function incidentPopup(item) {
  const deadline = item.handlingDeadline
    ? `${formatDateTime(item.handlingDeadline)}（${describeTimeLeft(item.handlingDeadline)}）`
    : '—';

  return el('div', { className: 'popup' },
    el('h3', {}, item.categoryName),
    el('p', { className: 'popup__status' },
      statusBadge(item),
      ' ',
      el('span', { className: item.urgency === 'urgent' ? 'badge badge--urgent' : 'badge' }, urgencyName(item.urgency)),
      isDemo(item) ? [' ', demoTag()] : null),
    el('dl', { className: 'facts' },
      fact('网格', item.gridName ? `${item.gridName}（${item.gridCode}）` : '—'),
      fact('村（社区）', item.villageName ?? '—'),
      fact('承办部门', item.departmentName ?? '—'),
      fact('分流方式', item.handlerRouteName ?? '—'),
      fact('上报时间', formatDateTime(item.reportedAt)),
      fact('处置期限', deadline),
      // The list sends the contact masked (138****5678), and only the workflow panel shows it in full.
      item.reporterContactMasked ? fact('联系方式', item.reporterContactMasked) : null),
    item.outsideCoverage ? el('p', { className: 'note' }, '该位置不在任何网格内，已分派给最近的网格。') : null,
    item.descriptionExcerpt ? el('p', { className: 'popup__excerpt' }, item.descriptionExcerpt) : null);
}

/** Builds a status badge that also flags an overdue handling deadline. */
export function statusBadge(item) {
  const overdue = isOverdue(item.handlingDeadline);
  return el('span', { className: overdue ? 'badge badge--overdue' : 'badge badge--status' },
    overdue ? `${item.statusName} · 已超期` : item.statusName);
}

/**
 * Returns true for a demonstration incident, which the server generates on a fresh database
 * so that the pages have something to show. An item without the `generated` field counts as
 * real, so until GET /api/v1/incidents and GET /api/v1/grids/{code} send it no item is tagged.
 */
export function isDemo(item) {
  return item.generated === true;
}

/** Builds the grey 演示数据 tag that keeps demonstration incidents apart from real reports. */
export function demoTag() {
  return el('span', { className: 'badge badge--demo', title: '系统生成的演示事件，不是居民的真实上报' }, '演示数据');
}

function markerTitle(item) {
  const demo = isDemo(item) ? '，演示数据' : '';
  return `${item.categoryName}（${item.statusName}${demo}）`;
}

function incidentIcon(item) {
  const classes = ['incident-marker'];
  if (item.urgency === 'urgent') {
    classes.push('incident-marker--urgent');
  }
  if (isOverdue(item.handlingDeadline)) {
    classes.push('incident-marker--overdue');
  }
  return L.divIcon({ className: classes.join(' '), iconSize: L.point(16, 16) });
}

function fact(label, value) {
  return [el('dt', {}, label), el('dd', {}, value)];
}

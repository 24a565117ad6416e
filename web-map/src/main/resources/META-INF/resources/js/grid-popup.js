// The popup of a clicked grid, filled from GET /api/v1/grids/{code}.
import { getJson } from './api.js';
import { el } from './dom.js';
import { formatShortDateTime, gridKindName } from './format.js';
import { demoTag, isDemo, statusBadge } from './incidents.js';
import { teamList } from './team.js';

// Open incidents listed in the popup; the rest are counted.
const MAX_LISTED_INCIDENTS = 8;

/** Opens a popup at the clicked point and fills it once the grid's details arrive. */
export async function openGridPopup(map, feature, latlng) {
  const { code, name } = feature.properties;
  const popup = L.popup({ maxWidth: 320, minWidth: 240, className: 'grid-popup' })
    .setLatLng(latlng)
    .setContent(el('div', { className: 'popup' }, el('h3', {}, name), el('p', {}, '正在加载网格信息…')))
    .openOn(map);

  let content;
  try {
    const grid = await getJson(`/api/v1/grids/${encodeURIComponent(code)}`);
    content = gridDetail(grid);
  } catch (error) {
    content = el('div', { className: 'popup' },
      el('h3', {}, name),
      el('p', { className: 'error', role: 'alert' }, `加载网格信息失败：${error.message}`));
  }

  if (popup.isOpen()) {
    popup.setContent(content);
  }
}

function gridDetail(grid) {
  return el('div', { className: 'popup' },
    el('h3', {}, grid.name),
    el('dl', { className: 'facts' },
      el('dt', {}, '网格编码'), el('dd', { className: 'code' }, grid.code),
      el('dt', {}, '类型'), el('dd', {}, gridKindName(grid)),
      el('dt', {}, '所属'), el('dd', {}, [grid.county?.name, grid.township?.name, grid.village?.name]
        .filter(Boolean).join(' › '))),
    el('h4', {}, '网格团队'),
    teamList(grid.team ?? []),
    el('h4', {}, `未办结事件（${(grid.openIncidents ?? []).length} 件）`),
    incidentList(grid.openIncidents ?? []));
}

function incidentList(incidents) {
  if (incidents.length === 0) {
    return el('p', { className: 'muted' }, '暂无');
  }

  const listed = incidents.slice(0, MAX_LISTED_INCIDENTS);
  const rest = incidents.length - listed.length;
  return el('div', {},
    el('ul', { className: 'incident-lines' }, listed.map((item) => el('li', {},
      `${item.categoryName} `,
      statusBadge(item),
      isDemo(item) ? [' ', demoTag()] : null,
      el('span', { className: 'muted' }, ` ${formatShortDateTime(item.reportedAt)}`)))),
    rest > 0 ? el('p', { className: 'muted' }, `另有 ${rest} 件，请在调度台查看。`) : null);
}

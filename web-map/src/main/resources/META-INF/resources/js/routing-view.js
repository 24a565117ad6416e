// Display of a routing result (grid, department, deadlines) as returned by
// POST /api/v1/incidents, GET /api/v1/incidents/{trackingCode} and GET /api/v1/route.
import { el } from './dom.js';
import { formatDateTime, formatDistance, gridKindName, gridLabel } from './format.js';
import { teamList } from './team.js';

/**
 * Builds the facts of a routing result. Every value element gets the id `${prefix}-name`
 * (e.g. routed-grid, routed-grid-code, routed-department) so that tests and styles can
 * find it; use a different prefix for each result on one page.
 */
export function routingFacts(routing, prefix) {
  const list = el('dl', { className: 'facts', id: `${prefix}-facts` });
  const add = (label, name, ...value) => list.append(el('dt', {}, label), el('dd', { id: `${prefix}-${name}` }, ...value));

  add('所在区域', 'area', [routing.county?.name, routing.township?.name, routing.village?.name]
    .filter(Boolean).join(' › ') || '—');
  add('所在网格', 'grid',
    el('span', { id: `${prefix}-grid-code`, className: 'code' }, routing.grid.code), ' ',
    routing.grid.name);
  if (routing.dedicatedGrid) {
    add('专属网格', 'dedicated-grid', `${gridLabel(routing.dedicatedGrid)} · ${gridKindName(routing.dedicatedGrid)}`);
  }
  add('承办网格', 'assigned-grid', assignedGridText(routing));
  add('承办部门', 'department', routing.department?.name ?? '—');
  add('分流方式', 'handler-route', routing.handlerRoute?.name ?? '—');
  if (routing.professionalMember) {
    add('专业网格员', 'professional-member', routing.professionalMember.name);
  }
  add('派遣期限', 'assign-deadline', deadlineText(routing.assignDeadline, '前派遣'));
  add('处置期限', 'handling-deadline', deadlineText(routing.handlingDeadline, '前处置完毕'));
  add('网格团队', 'team', teamList(routing.team ?? []));

  const notes = [];
  if (routing.outsideCoverage) {
    notes.push(el('p', { className: 'note', id: `${prefix}-outside-coverage` },
      `该位置不在任何网格内，已分派给最近的网格（相距约 ${formatDistance(routing.distanceMetres)}）。`));
  }
  return el('div', {}, list, notes);
}

function assignedGridText(routing) {
  const dedicated = routing.dedicatedGrid;
  if (dedicated && routing.assignedGridCode === dedicated.code) {
    return `${gridLabel(dedicated)}，位于专属网格内，由专属网格团队承办`;
  }
  if (routing.assignedGridCode === routing.grid.code) {
    return gridLabel(routing.grid);
  }
  return routing.assignedGridCode ?? '—';
}

function deadlineText(iso, suffix) {
  return iso ? `${formatDateTime(iso)} ${suffix}` : '—';
}

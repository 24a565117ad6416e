// The dispatcher's incident list: one button per open incident.
import { el } from './dom.js';
import { describeTimeLeft, formatShortDateTime, isOverdue, urgencyName } from './format.js';
import { demoTag, isDemo, statusBadge } from './incidents.js';

/**
 * Builds the row of one incident list item. The row is a button carrying the incident id
 * in data-id, so it works with a keyboard and a touch screen alike.
 */
export function incidentRow(item) {
  const overdue = isOverdue(item.handlingDeadline);
  const classes = ['incident-row'];
  if (overdue) {
    classes.push('incident-row--overdue');
  }

  const timeLeft = describeTimeLeft(item.handlingDeadline);
  return el('li', {},
    el('button', { type: 'button', className: classes.join(' '), dataset: { id: String(item.id) } },
      el('span', { className: 'incident-row__title' },
        el('strong', {}, item.categoryName), ' ',
        item.urgency === 'urgent' ? el('span', { className: 'badge badge--urgent' }, urgencyName(item.urgency)) : null, ' ',
        statusBadge(item),
        isDemo(item) ? [' ', demoTag()] : null),
      el('span', { className: 'incident-row__line' },
        item.gridName ? `${item.gridName}（${item.gridCode}）` : '网格未知',
        item.villageName ? ` · ${item.villageName}` : null,
        item.outsideCoverage ? ' · 网格外' : null),
      el('span', { className: 'incident-row__line' },
        item.departmentName ?? '未定部门',
        item.handlerRouteName ? ` · ${item.handlerRouteName}` : null),
      el('span', { className: 'incident-row__line incident-row__times' },
        `上报 ${formatShortDateTime(item.reportedAt)}`,
        ` · 期限 ${formatShortDateTime(item.handlingDeadline)}`,
        timeLeft ? el('span', { className: overdue ? 'time-left time-left--overdue' : 'time-left' }, `（${timeLeft}）`) : null)));
}

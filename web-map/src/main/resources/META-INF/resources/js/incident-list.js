// The dispatcher's incident list: one button per open incident, its left border in the
// warning colour of the running deadline.
import { el } from './dom.js';
import { describeTimeLeft, formatShortDateTime, isOverdue, urgencyName } from './format.js';
import { demoTag, isDemo, statusBadge } from './incidents.js';

/**
 * Builds the row of one incident list item. The row is a button carrying the incident id
 * in data-id, so it works with a keyboard and a touch screen alike.
 */
export function incidentRow(item) {
  // The running deadline is the assign deadline before dispatch and the handling deadline after.
  const deadline = item.runningDeadline ?? item.handlingDeadline;
  const overdue = isOverdue(deadline);
  const classes = ['incident-row'];
  if (overdue) {
    classes.push('incident-row--overdue');
  }
  if (item.warning) {
    classes.push(`incident-row--${item.warning}`);
  }

  const timeLeft = describeTimeLeft(deadline);
  return el('li', {},
    el('button', {
      type: 'button', className: classes.join(' '), dataset: { id: String(item.id), warning: item.warning ?? '' },
    },
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
        ` · 时限 ${formatShortDateTime(deadline)}`,
        timeLeft ? el('span', { className: overdue ? 'time-left time-left--overdue' : 'time-left' }, `（${timeLeft}）`) : null)));
}

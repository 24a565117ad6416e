// A grid team ("1+1+N": leader, full-time, professional and part-time grid workers).
import { el } from './dom.js';

/** Lists a grid team as "网格长：name" rows; professional members show their department. */
export function teamList(team) {
  if (team.length === 0) {
    return el('p', { className: 'muted' }, '暂无团队成员');
  }
  return el('ul', { className: 'team' }, team.map((member) => el('li', {},
    el('span', { className: 'team__role' }, `${member.roleName}：`),
    member.name,
    member.departmentName ? `（${member.departmentName}）` : null)));
}

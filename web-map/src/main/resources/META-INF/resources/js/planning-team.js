// The team section of the planning page: a grid's "1+1+N" team, adding and removing members,
// attaching a department's professional grid worker to every grid of the village, and the
// history of the team's changes.
import { el, replaceChildren } from './dom.js';
import * as planning from './planning-api.js';

/**
 * Shows and edits the team of the selected grid. `run` wraps each change so that its error is
 * shown in the page's error box while the panel's buttons are disabled. Loads only report
 * their errors through `showLoadError`, so that selecting a grid does not disable the panel.
 */

export class TeamPanel {
  constructor({ list, historyList, form, run, showStatus, showLoadError }) {
    this.list = list;
    this.historyList = historyList;
    this.form = form;
    this.run = run;
    this.showStatus = showStatus;
    this.showLoadError = showLoadError;
    this.grid = null;
    this.villageCode = null;
    this.members = [];
    this.searchTimer = null;

    form.elements.workerName.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.searchWorkers(), 300);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.addMember();
    });
  }

  async show(grid, villageCode) {
    this.grid = grid;
    this.villageCode = villageCode;
    try {
      const [team, history] = await Promise.all([planning.loadTeam(grid.code), planning.loadTeamHistory(grid.code)]);
      if (this.grid === grid) {
        this.render(team.members);
        this.renderHistory(history.entries);
      }
    } catch (error) {
      this.showLoadError(error);
    }
    if (this.form.elements.workerId.options.length === 0) {
      await this.searchWorkers();
    }
  }

  render(members) {
    this.members = members;
    const rows = members.map((member) => {
      const remove = el('button', { type: 'button', className: 'button button--small' }, '移出');
      remove.addEventListener('click', () => this.save(
        this.members.filter((other) => other !== member), `已将 ${member.name} 移出队伍`));
      const attach = member.role === 'professional'
        ? el('button', { type: 'button', className: 'button button--small' }, '挂到本村全部网格')
        : null;
      attach?.addEventListener('click', () => this.attachEverywhere(member));
      return el('li', {},
        el('span', { className: 'team__role' }, member.roleName), member.name,
        member.departmentName ? el('span', { className: 'muted' }, `（${member.departmentName}）`) : null,
        remove, attach);
    });
    replaceChildren(this.list, rows.length ? rows : el('li', { className: 'muted' }, '尚未配备网格队伍。'));
  }

  /** Lists the team's periods, newest first: who held which role from when to when, and who changed it. */
  renderHistory(entries) {
    const time = (instant) => new Date(instant).toLocaleString('zh-CN');
    const rows = [...entries].reverse().map((entry) => {
      const from = entry.validFrom ? time(entry.validFrom) : '记录开始前';
      const to = entry.validTo ? time(entry.validTo) : '至今';
      const by = [entry.assignedBy && `${entry.assignedBy} 加入`, entry.endedBy && `${entry.endedBy} 移出`]
        .filter(Boolean).join('，');
      return el('li', {}, `${entry.roleName} ${entry.name}：${from} — ${to}`, by ? `（${by}）` : '');
    });
    replaceChildren(this.historyList, rows.length ? rows : el('li', { className: 'muted' }, '暂无变更记录。'));
  }

  async searchWorkers() {
    try {
      const workers = await planning.findWorkers(this.form.elements.workerName.value.trim());
      replaceChildren(this.form.elements.workerId, workers.map((worker) => el('option', { value: worker.id },
        worker.departmentName ? `${worker.name}（${worker.departmentName}）` : worker.name)));
    } catch (error) {
      this.showLoadError(error);
    }
  }

  addMember() {
    const workerId = Number(this.form.elements.workerId.value);
    if (!workerId) {
      return;
    }
    const role = this.form.elements.role.value;
    this.save([...this.members, { workerId, role }], '已更新网格队伍');
  }

  async save(members, message) {
    await this.run(async () => {
      const team = await planning.replaceTeam(this.grid.code,
        members.map((member) => ({ workerId: member.workerId, role: member.role })));
      this.render(team.members);
      this.renderHistory((await planning.loadTeamHistory(this.grid.code)).entries);
      this.showStatus(message);
    });
  }

  async attachEverywhere(member) {
    await this.run(async () => {
      const result = await planning.attachToVillage(member.workerId, this.villageCode);
      this.showStatus(`${member.name} 已挂接到 ${result.attached.length} 个网格`
        + `（另有 ${result.alreadyAttached.length} 个网格原已挂接）。`);
    });
  }
}

// The dispatcher's panel for one incident: its state and running deadline from
// GET /api/v1/incidents/{id}/workflow, a button per allowed action, and the fields those
// actions need. A step is posted to POST /api/v1/incidents/{id}/transitions. Summons
// (吹哨报到) have their own endpoints and part of the panel, see summons-panel.js.
import { clearError, getJson, postJson, showError } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatDateTime } from './format.js';
import { SummonsPanel } from './summons-panel.js';

// Steps are recorded under the signed-in account; the panel shows its name (see session.js).

/**
 * Fields each action reads. `required` mirrors the server's checks, so the
 * form can say what is missing before the request; the server still checks every value.
 */
const ACTION_FIELDS = {
  dispatch: [
    { name: 'handlerRoute', label: '分流方式（不选则按原路径）', kind: 'route' },
    { name: 'note', label: '说明（改选其他分流方式时必填）', kind: 'text' },
  ],
  mark_handled: [{ name: 'note', label: '办理结果（居民可见）', kind: 'text', required: true }],
  reject: [
    { name: 'reason', label: '不予受理理由', kind: 'reason', required: true },
    { name: 'note', label: '说明（理由为“其他”时必填，居民可见）', kind: 'text' },
  ],
  mark_duplicate: [{ name: 'duplicateOf', label: '重复于事件编号', kind: 'number', required: true }],
  reopen: [{ name: 'note', label: '返工原因', kind: 'text', required: true }],
  reroute: [
    { name: 'handlerRoute', label: '新的分流方式', kind: 'route', required: true },
    { name: 'note', label: '调整原因', kind: 'text', required: true },
  ],
};

const REJECTION_REASONS = [
  { code: 'not_in_catalogue', name: '不属于事项清单' },
  { code: 'not_this_jurisdiction', name: '不属于本辖区' },
  { code: 'other', name: '其他' },
];

// Summons and their answers are left out because the summons part of the panel offers them.
const PANEL_ACTIONS = new Set(['accept', 'dispatch', 'start_handling', 'mark_handled', 'close', 'reject',
  'mark_duplicate', 'reopen', 'reroute']);

const byId = (id) => document.getElementById(id);

export class WorkflowPanel {
  /**
   * @param handlerRoutes [{code, name}] for the route choices
   * @param departments [{code, name}] that can be summoned
   * @param onChanged () => void, called after a step was taken, to reload the queue
   */
  constructor(handlerRoutes, departments, onChanged) {
    this.handlerRoutes = handlerRoutes;
    this.onChanged = onChanged;
    this.incidentId = null;
    this.view = null;
    this.summonsPanel = new SummonsPanel(departments, {
      onApplied: (view, message) => this.applied(view, message),
    });
  }

  /** Loads and shows the workflow of an incident. */
  async show(id) {
    this.incidentId = id;
    byId('workflow-panel').hidden = false;
    clearError(byId('workflow-error'));
    byId('workflow-result').hidden = true;

    let view;
    try {
      view = await getJson(`/api/v1/incidents/${encodeURIComponent(id)}/workflow`);
    } catch (error) {
      showError(byId('workflow-error'), error, '加载事件办理信息失败');
      return;
    }
    if (this.incidentId === id) {
      this.render(view);
    }
  }

  render(view) {
    this.view = view;
    byId('workflow-title').textContent = `事件 ${view.id} 办理`;
    byId('workflow-panel').dataset.status = view.status;

    const deadline = view.runningDeadline;
    replaceChildren(byId('workflow-facts'),
      fact('状态', el('span', { id: 'workflow-status', className: 'badge badge--status' }, view.statusName)),
      fact('事项类别', view.category?.name ?? '—'),
      fact('分流方式', view.handlerRoute?.name ?? '—'),
      fact('承办部门', view.department?.name ?? '—'),
      fact('受理人', view.ownerName ?? '—'),
      fact('上报人联系方式', view.reporterContact ?? '—'),
      fact('当前时限', deadline
        ? el('span', { className: `warning warning--${deadline.warning}` },
          `${deadline.kindName} ${formatDateTime(deadline.due)}（${deadline.warningName}）`)
        : '—'));

    replaceChildren(byId('workflow-fields'));
    const actions = view.allowedActions.filter((action) => PANEL_ACTIONS.has(action.code));
    replaceChildren(byId('workflow-actions'), actions.length
      ? actions.map((action) => el('button', {
        type: 'button', className: 'button button--small', dataset: { action: action.code },
      }, action.name))
      : el('span', { className: 'muted' }, '当前状态没有可执行的操作。'));
    for (const button of byId('workflow-actions').querySelectorAll('button')) {
      button.addEventListener('click', () => this.choose(button.dataset.action, button.textContent));
    }

    this.summonsPanel.render(view);
    replaceChildren(byId('workflow-history'), view.history.map((entry) => el('li', {},
      `${formatDateTime(entry.at)} ${entry.actionName} → ${entry.toStatusName}`,
      entry.actorName ? `（${entry.actorName}）` : null,
      entry.note ? el('div', { className: 'muted' }, entry.note) : null)));
  }

  /** Takes an action at once when it needs no fields, else shows its fields and a confirm button. */
  choose(action, actionName) {
    clearError(byId('workflow-error'));
    const fields = ACTION_FIELDS[action];
    if (!fields) {
      this.submit(action, {});
      return;
    }

    const inputs = fields.map((field) => [field, this.input(field)]);
    const confirm = el('button', { type: 'button', className: 'button button--small button--primary',
      dataset: { confirm: action } }, `确认${actionName}`);
    confirm.addEventListener('click', () => {
      const values = {};
      for (const [field, input] of inputs) {
        const value = input.value.trim();
        if (field.required && !value) {
          showError(byId('workflow-error'), `请填写“${field.label}”。`);
          input.focus();
          return;
        }
        if (value) {
          values[field.name] = field.kind === 'number' ? Number(value) : value;
        }
      }
      this.submit(action, values);
    });
    replaceChildren(byId('workflow-fields'),
      el('h3', {}, actionName),
      inputs.map(([field, input]) => el('label', {}, field.label, input)),
      confirm);
    inputs[0][1].focus();
  }

  input(field) {
    const name = `workflow-${field.name}`;
    if (field.kind === 'route' || field.kind === 'reason') {
      const options = field.kind === 'route' ? this.handlerRoutes : REJECTION_REASONS;
      return el('select', { name, id: name },
        el('option', { value: '' }, '请选择'),
        options.map((option) => el('option', { value: option.code }, option.name)));
    }
    if (field.kind === 'number') {
      return el('input', { name, id: name, type: 'number', min: '1', step: '1' });
    }
    return el('textarea', { name, id: name, rows: '2', maxlength: '2000' });
  }

  async submit(action, values) {
    const id = this.incidentId;
    let view;
    try {
      view = await postJson(`/api/v1/incidents/${encodeURIComponent(id)}/transitions`,
        { action, ...values });
    } catch (error) {
      showError(byId('workflow-error'), error, '操作失败');
      return;
    }
    this.applied(view, `已完成，事件当前状态：${view.statusName}。`);
  }

  /** Shows the view a step returned, unless another incident was selected meanwhile, and reloads the queue. */
  applied(view, message) {
    clearError(byId('workflow-error'));
    if (String(this.incidentId) !== String(view.id)) {
      this.onChanged();
      return;
    }
    this.render(view);
    const result = byId('workflow-result');
    result.textContent = message;
    result.hidden = false;
    this.onChanged();
  }

  hide() {
    this.incidentId = null;
    byId('workflow-panel').hidden = true;
  }
}

function fact(term, description) {
  return [el('dt', {}, term), el('dd', {}, description)];
}

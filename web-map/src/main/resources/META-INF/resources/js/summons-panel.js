// 吹哨报到 in the dispatcher's incident panel: the departments summoned to the incident, each
// with its own response deadline, state and answer; a form to summon more
// (POST /api/v1/incidents/{id}/summons) and one to record a department's answer
// (POST /api/v1/incidents/{id}/summons/{summonsId}/answer). Both return the workflow view.
import { clearError, postJson, showError } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatDateTime } from './format.js';

// The server accepts a response limit of 1 hour up to 60 days.
const MAX_RESPONSE_HOURS = 60 * 24;

/** State of a summons as shown: answered, or the warning colour of its running response deadline. */
const SUMMONS_STATES = {
  answered: { name: '已答复', className: 'summons-state--answered' },
  green: { name: '等待答复', className: 'warning warning--green' },
  yellow: { name: '等待答复，即将超时', className: 'warning warning--yellow' },
  red: { name: '已超时未答复', className: 'warning warning--red' },
};

const byId = (id) => document.getElementById(id);

export class SummonsPanel {
  /**
   * @param departments [{code, name}] that can be summoned
   * @param onApplied (view, message) => void, called with the workflow view after a summons or an answer
   */
  constructor(departments, { onApplied }) {
    this.onApplied = onApplied;
    this.incidentId = null;

    replaceChildren(byId('summons-departments'),
      el('legend', {}, '召集部门（可多选）'),
      departments.length
        ? departments.map((department) => el('label', { className: 'summons-department' },
          el('input', { type: 'checkbox', name: 'department', value: department.code }), ` ${department.name}`))
        : el('span', { className: 'muted' }, '部门列表加载失败，请刷新页面。'));
    byId('summons-hours').max = String(MAX_RESPONSE_HOURS);
    byId('summons-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.summon();
    });
  }

  /** Shows the summons of a workflow view, and the summons form when the state allows it. */
  render(view) {
    this.incidentId = view.id;
    clearError(byId('summons-error'));
    const canSummon = view.allowedActions.some((action) => action.code === 'summon');
    byId('summons-form-box').hidden = !canSummon;

    byId('summons-none').hidden = view.summons.length > 0;
    replaceChildren(byId('summons-list'), view.summons.map((summons) => this.item(summons)));
  }

  item(summons) {
    const stateKey = summons.answered ? 'answered' : summons.warning;
    const state = SUMMONS_STATES[stateKey] ?? SUMMONS_STATES.green;

    return el('li', { className: `summons-item summons-item--${stateKey}`,
      dataset: { summonsId: String(summons.id), state: stateKey } },
    el('p', { className: 'summons-item__head' },
      el('strong', {}, summons.department.name),
      el('span', { className: `summons-state ${state.className}` }, state.name)),
    el('p', { className: 'muted' }, `答复时限 ${formatDateTime(summons.responseDeadline)}`),
    el('p', { className: 'summons-item__reason' },
      `事由：${summons.reason}（${summons.summonedBy}，${formatDateTime(summons.summonedAt)}）`),
    summons.answered
      ? el('p', { className: 'summons-item__answer' },
        `答复：${summons.answer}（${summons.answeredBy}，${formatDateTime(summons.answeredAt)}）`)
      : this.answerForm(summons));
  }

  /** Builds the answer form of a pending summons, opened by its button. */
  answerForm(summons) {
    const fieldId = `summons-answer-${summons.id}`;
    const answer = el('textarea', { id: fieldId, rows: '2', maxlength: '2000' });
    const submit = el('button', { type: 'submit', className: 'button button--small button--primary' }, '提交答复');
    const form = el('form', { className: 'summons-answer', hidden: true },
      el('label', { for: fieldId }, `${summons.department.name}的答复（报到情况、处置意见）`), answer, submit);
    const open = el('button', { type: 'button', className: 'button button--small',
      dataset: { answer: String(summons.id) } }, '登记答复');

    open.addEventListener('click', () => {
      form.hidden = false;
      open.hidden = true;
      answer.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.answer(summons, answer);
    });
    return el('div', {}, open, form);
  }

  async summon() {
    const errorBox = byId('summons-error');
    clearError(errorBox);
    const departments = [...byId('summons-departments').querySelectorAll('input:checked')].map((box) => box.value);
    const reason = byId('summons-reason').value.trim();
    const hoursText = byId('summons-hours').value.trim();
    const hours = Number(hoursText);

    if (departments.length === 0) {
      showError(errorBox, '请至少选择一个召集部门。');
      return;
    }
    if (hoursText && (!Number.isInteger(hours) || hours < 1 || hours > MAX_RESPONSE_HOURS)) {
      showError(errorBox, `答复时限应为 1 到 ${MAX_RESPONSE_HOURS} 之间的整数小时，不填则按系统默认时限。`);
      byId('summons-hours').focus();
      return;
    }
    if (!reason) {
      showError(errorBox, '请填写吹哨事由。');
      byId('summons-reason').focus();
      return;
    }
    const body = { departments, reason };
    if (hoursText) {
      body.responseHours = hours;
    }
    const view = await this.post(`/api/v1/incidents/${encodeURIComponent(this.incidentId)}/summons`, body, '吹哨失败');
    if (view) {
      byId('summons-form').reset();
      byId('summons-form-box').open = false;
      this.onApplied(view, `已向 ${departments.length} 个部门吹哨。`);
    }
  }

  async answer(summons, field) {
    clearError(byId('summons-error'));
    const answer = field.value.trim();
    if (!answer) {
      showError(byId('summons-error'), '请填写答复内容。');
      field.focus();
      return;
    }
    const path = `/api/v1/incidents/${encodeURIComponent(this.incidentId)}/summons/${encodeURIComponent(summons.id)}/answer`;
    const view = await this.post(path, { answer }, '登记答复失败');
    if (view) {
      this.onApplied(view, `已登记${summons.department.name}的答复。`);
    }
  }

  /** Posts a request and returns the workflow view, or null after showing the error. */
  async post(path, body, context) {
    try {
      return await postJson(path, body);
    } catch (error) {
      showError(byId('summons-error'), error, context);
      return null;
    }
  }
}

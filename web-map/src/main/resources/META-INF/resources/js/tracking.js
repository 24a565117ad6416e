// The 查询进度 box: looks up a report by its tracking code.
import { clearError, getJson, postJson, showError } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatDateTime, urgencyName } from './format.js';
import { routingFacts } from './routing-view.js';

/**
 * Wires the tracking form. A `?track=CODE` parameter in the address fills in the code and
 * looks it up at once, so a resident can bookmark the progress of a report.
 */
export function startTrackingBox() {
  const form = document.getElementById('track-form');
  const input = document.getElementById('track-code');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp(input.value);
  });

  const fromAddress = new URLSearchParams(window.location.search).get('track');
  if (fromAddress) {
    input.value = fromAddress;
    lookUp(fromAddress);
  }
}

/** Puts a tracking code into the box, e.g. right after a report was sent. */
export function fillTrackingCode(code) {
  document.getElementById('track-code').value = code;
}

/** Puts a tracking code into the box and shows its progress, e.g. right after following an incident. */
export function lookUpTrackingCode(code) {
  fillTrackingCode(code);
  return lookUp(code);
}

async function lookUp(rawCode) {
  const errorBox = document.getElementById('track-error');
  const result = document.getElementById('track-result');
  const button = document.getElementById('track-submit');
  const code = rawCode.trim();

  clearError(errorBox);
  if (!code) {
    result.hidden = true;
    showError(errorBox, '请输入跟踪码。');
    return;
  }

  button.disabled = true;
  try {
    const incident = await getJson(`/api/v1/incidents/${encodeURIComponent(code)}`);
    replaceChildren(result, incidentSummary(incident), progress(incident),
      incident.canRate ? ratingForm(incident.trackingCode) : null);
    result.hidden = false;
  } catch (error) {
    result.hidden = true;
    showError(errorBox, error, '查询失败');
  } finally {
    button.disabled = false;
  }
}

function incidentSummary(incident) {
  return el('div', {},
    el('p', { className: 'track-status-line' },
      el('span', { className: 'muted' }, '当前状态：'),
      el('span', { id: 'track-status', className: 'badge badge--status' }, incident.statusName)),
    el('dl', { className: 'facts' },
      el('dt', {}, '跟踪码'), el('dd', { className: 'code' }, incident.trackingCode),
      el('dt', {}, '问题类别'), el('dd', { id: 'track-category' }, incident.categoryName),
      el('dt', {}, '紧急程度'), el('dd', {}, urgencyName(incident.urgency)),
      el('dt', {}, '上报时间'), el('dd', {}, formatDateTime(incident.reportedAt)),
      el('dt', {}, '问题描述'), el('dd', { className: 'description' }, incident.description)),
    el('h3', {}, '分派情况'),
    routingFacts(incident.routing, 'track'));
}

/** Builds the public history, oldest first, with the handling result and any rating or rejection. */
function progress(incident) {
  const steps = incident.history.map((entry) => el('li', {},
    el('span', { className: 'timeline__time' }, formatDateTime(entry.at)),
    el('span', { className: 'timeline__action' }, entry.actionName),
    entry.note ? el('span', { className: 'timeline__note' }, entry.note) : null));

  return el('div', { id: 'track-progress' },
    el('h3', {}, '办理进度'),
    el('ol', { className: 'timeline' }, steps),
    incident.rejectionReasonName
      ? el('p', {}, `不予受理原因：${incident.rejectionReasonName}`) : null,
    incident.originalStatusName
      ? el('p', {}, `此事件与已有事件重复，已合并办理，原事件当前状态：${incident.originalStatusName}`) : null,
    incident.rating
      ? el('p', {}, `您的评价：${incident.rating.score} 分${incident.rating.comment ? `，${incident.rating.comment}` : ''}`)
      : null);
}

/** Builds the rating form of a closed incident: 1 to 5 and an optional comment. */
function ratingForm(trackingCode) {
  const scores = [5, 4, 3, 2, 1].map((score) => el('label', { className: 'rating__choice' },
    el('input', { type: 'radio', name: 'score', value: String(score), required: true }),
    ` ${score} 分`));
  const comment = el('textarea', { id: 'rating-comment', name: 'comment', maxlength: '500', rows: '2',
    placeholder: '可选：说说处理得怎么样' });
  const errorBox = el('p', { className: 'error', role: 'alert', hidden: true });
  const button = el('button', { type: 'submit', id: 'rating-submit', className: 'button button--primary' }, '提交评价');
  const form = el('form', { id: 'rating-form', className: 'rating', novalidate: true },
    el('h3', {}, '事件已核查结案，请评价处理结果'),
    el('fieldset', {}, el('legend', { className: 'visually-hidden' }, '评分'), scores),
    el('label', { for: 'rating-comment', className: 'visually-hidden' }, '评价内容'),
    comment, errorBox, button);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(errorBox);
    const chosen = form.querySelector('input[name="score"]:checked');
    if (!chosen) {
      showError(errorBox, '请选择 1 到 5 分。');
      return;
    }
    button.disabled = true;
    try {
      await postJson(`/api/v1/incidents/${encodeURIComponent(trackingCode)}/rating`,
        { score: Number(chosen.value), comment: comment.value.trim() || null });
      await lookUp(trackingCode);
    } catch (error) {
      showError(errorBox, error, '评价失败');
      button.disabled = false;
    }
  });
  return form;
}

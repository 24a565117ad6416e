// The 查询进度 box: looks up a report by its tracking code.
import { clearError, getJson, showError } from './api.js';
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

async function lookUp(rawCode) {
  const errorBox = document.getElementById('track-error');
  const result = document.getElementById('track-result');
  const button = document.getElementById('track-submit');
  const code = rawCode.trim();

  clearError(errorBox);
  if (!code) {
    result.hidden = true;
    showError(errorBox, '请输入追踪码。');
    return;
  }

  button.disabled = true;
  try {
    const incident = await getJson(`/api/v1/incidents/${encodeURIComponent(code)}`);
    replaceChildren(result, incidentSummary(incident));
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
      el('dt', {}, '追踪码'), el('dd', { className: 'code' }, incident.trackingCode),
      el('dt', {}, '问题类别'), el('dd', { id: 'track-category' }, incident.categoryName),
      el('dt', {}, '紧急程度'), el('dd', {}, urgencyName(incident.urgency)),
      el('dt', {}, '上报时间'), el('dd', {}, formatDateTime(incident.reportedAt)),
      el('dt', {}, '问题描述'), el('dd', { className: 'description' }, incident.description)),
    el('h3', {}, '分派情况'),
    routingFacts(incident.routing, 'track'));
}

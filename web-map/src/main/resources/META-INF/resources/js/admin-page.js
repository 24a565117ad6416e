// The administrator page: lists accounts from GET /api/v1/admin/accounts, creates and edits
// them (roles, jurisdiction picked from the division tree, grid codes or a department),
// resets passwords, disables and enables, and pages through the audit log.
import { clearError, getJson, postJson, putJson, query, showError } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatDateTime } from './format.js';
import { startSessionBar } from './session.js';

const byId = (id) => document.getElementById(id);

const ROLE_NAMES = {
  grid_worker_part_time: '兼职网格员',
  grid_worker_full_time: '专职网格员',
  grid_leader: '网格长',
  department_handler: '部门处置人员',
  dispatcher_village: '村（社区）调度员',
  dispatcher_township: '镇（街道）调度员',
  dispatcher_county: '县（区）调度员',
  planner: '网格规划员',
  administrator: '系统管理员',
};

const AUDIT_PAGE_SIZE = 50;

let editingId = null;
let auditPage = 0;
let departments = [];

function jurisdictionText(jurisdiction) {
  switch (jurisdiction.kind) {
    case 'unit':
      return `区划 ${jurisdiction.unitCode}`;
    case 'grids':
      return `网格 ${jurisdiction.gridCodes.join('、')}`;
    case 'department': {
      const department = departments.find((d) => d.code === jurisdiction.departmentCode);
      return `部门 ${department ? department.name : jurisdiction.departmentCode}`;
    }
    default:
      return '全市';
  }
}

async function loadAccounts() {
  const accounts = await getJson('/api/v1/admin/accounts');
  replaceChildren(byId('account-rows'), accounts.map(accountRow));
}

function accountRow(account) {
  const edit = el('button', { type: 'button', class: 'button button--small' }, '编辑');
  edit.addEventListener('click', () => openEditor(account));
  const reset = el('button', { type: 'button', class: 'button button--small' }, '重置密码');
  reset.addEventListener('click', () => resetPassword(account));
  const toggle = el('button', { type: 'button', class: 'button button--small', 'data-action': 'toggle-enabled' },
    account.enabled ? '停用' : '启用');
  toggle.addEventListener('click', () => setEnabled(account, !account.enabled));
  return el('tr', { 'data-login': account.loginName },
    el('td', {}, account.loginName),
    el('td', {}, account.displayName),
    el('td', {}, account.roles.map((role) => ROLE_NAMES[role] ?? role).join('、')),
    el('td', {}, jurisdictionText(account.jurisdiction)),
    el('td', { class: account.enabled ? '' : 'admin__disabled' }, account.enabled ? '启用' : '已停用'),
    el('td', {}, edit, reset, toggle));
}

async function resetPassword(account) {
  const password = window.prompt(`为 ${account.loginName} 设置新密码（8–64 个字符）：`);
  if (!password) {
    return;
  }
  try {
    await putJson(`/api/v1/admin/accounts/${account.id}/password`, { password });
    window.alert('密码已重置。');
  } catch (error) {
    showError(byId('error'), error, '重置密码失败');
  }
}

async function setEnabled(account, enabled) {
  try {
    await putJson(`/api/v1/admin/accounts/${account.id}/enabled`, { enabled });
    clearError(byId('error'));
    await Promise.all([loadAccounts(), loadAudit()]);
  } catch (error) {
    showError(byId('error'), error, enabled ? '启用失败' : '停用失败');
  }
}

function roleChoices() {
  replaceChildren(byId('role-choices'), Object.entries(ROLE_NAMES).map(([code, name]) =>
    el('label', {}, el('input', { type: 'checkbox', name: 'roles', value: code }), ` ${name}`)));
}

async function fillUnits(select, parent, emptyLabel) {
  const units = parent === null ? [] : await getJson(`/api/v1/admin/units${query({ parent })}`);
  const options = units.map((unit) => el('option', { value: unit.code }, `${unit.name}（${unit.code}）`));
  replaceChildren(select, emptyLabel === null ? options : [el('option', { value: '' }, emptyLabel), ...options]);
}

async function showUnit(unitCode) {
  const county = byId('form-county');
  if (!county.options.length) {
    await fillUnits(county, '', null);
  }
  const code = unitCode ?? '';
  county.value = code ? `${code.slice(0, 6)}000000` : county.value;
  await fillUnits(byId('form-township'), county.value, '（整个县区）');
  const township = code && !code.endsWith('000000') ? `${code.slice(0, 9)}000` : '';
  byId('form-township').value = township;
  await fillUnits(byId('form-village'), township || null, '（整个镇街）');
  byId('form-village').value = code && !code.endsWith('000') ? code : '';
}

function showKindFields() {
  const kind = byId('form-kind').value;
  byId('unit-picker').hidden = kind !== 'unit';
  byId('grid-field').hidden = kind !== 'grids';
  byId('department-field').hidden = kind !== 'department';
}

async function openEditor(account) {
  editingId = account ? account.id : null;
  byId('editor-title').textContent = account ? `编辑账号 ${account.loginName}` : '新建账号';
  byId('form-login').value = account ? account.loginName : '';
  byId('form-login').disabled = Boolean(account);
  byId('password-field').hidden = Boolean(account);
  byId('form-password').value = '';
  byId('form-display-name').value = account ? account.displayName : '';
  for (const box of document.querySelectorAll('#role-choices input')) {
    box.checked = Boolean(account && account.roles.includes(box.value));
  }
  const jurisdiction = account ? account.jurisdiction : { kind: 'whole_city' };
  byId('form-kind').value = jurisdiction.kind;
  byId('form-grids').value = (jurisdiction.gridCodes ?? []).join('\n');
  byId('form-department').value = jurisdiction.departmentCode ?? departments[0]?.code ?? '';
  byId('form-worker').value = account?.gridWorkerId ?? '';
  clearError(byId('form-error'));
  showKindFields();
  byId('account-editor').hidden = false;
  await showUnit(jurisdiction.unitCode);
  byId('form-display-name').focus();
}

function formJurisdiction() {
  const kind = byId('form-kind').value;
  if (kind === 'unit') {
    const unitCode = byId('form-village').value || byId('form-township').value || byId('form-county').value;
    return { kind, unitCode };
  }
  if (kind === 'grids') {
    const gridCodes = byId('form-grids').value.split(/[\s,，、]+/).filter(Boolean);
    return { kind, gridCodes };
  }
  if (kind === 'department') {
    return { kind, departmentCode: byId('form-department').value };
  }
  return { kind };
}

async function saveAccount(event) {
  event.preventDefault();
  const roles = [...document.querySelectorAll('#role-choices input:checked')].map((box) => box.value);
  const worker = byId('form-worker').value.trim();
  const body = {
    displayName: byId('form-display-name').value,
    roles,
    jurisdiction: formJurisdiction(),
    gridWorkerId: worker ? Number(worker) : null,
  };
  try {
    if (editingId === null) {
      await postJson('/api/v1/admin/accounts',
        { ...body, loginName: byId('form-login').value, password: byId('form-password').value });
    } else {
      await putJson(`/api/v1/admin/accounts/${editingId}`, body);
    }
  } catch (error) {
    showError(byId('form-error'), error, '保存失败');
    return;
  }
  byId('account-editor').hidden = true;
  await Promise.all([loadAccounts(), loadAudit()]);
}

async function loadAudit() {
  const filters = Object.fromEntries(new FormData(byId('audit-filters')));
  const page = await getJson(`/api/v1/admin/audit${query({ ...filters, page: auditPage, size: AUDIT_PAGE_SIZE })}`);
  replaceChildren(byId('audit-rows'), page.items.map((event) => el('tr', {},
    el('td', {}, formatDateTime(event.occurredAt)),
    el('td', {}, event.loginName ?? '（匿名）'),
    el('td', {}, event.actionName || event.action),
    el('td', {}, [event.targetTypeName || event.targetType, event.targetId].filter(Boolean).join(' ')),
    el('td', {}, event.detail ?? ''),
    el('td', {}, event.clientAddress ?? ''))));
  const pages = Math.max(1, Math.ceil(page.total / AUDIT_PAGE_SIZE));
  byId('audit-page').textContent = `第 ${auditPage + 1} / ${pages} 页，共 ${page.total} 条`;
  byId('audit-previous').disabled = auditPage === 0;
  byId('audit-next').disabled = auditPage + 1 >= pages;
}

async function start() {
  startSessionBar().catch(() => {});
  roleChoices();
  byId('new-account').addEventListener('click', () => openEditor(null));
  byId('cancel-edit').addEventListener('click', () => { byId('account-editor').hidden = true; });
  byId('account-form').addEventListener('submit', saveAccount);
  byId('form-kind').addEventListener('change', showKindFields);
  byId('form-county').addEventListener('change', () => showUnit(byId('form-county').value));
  byId('form-township').addEventListener('change', () => showUnit(byId('form-township').value || byId('form-county').value));
  byId('audit-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    auditPage = 0;
    loadAudit().catch((error) => showError(byId('error'), error, '加载审计日志失败'));
  });
  byId('audit-previous').addEventListener('click', () => { auditPage -= 1; loadAudit(); });
  byId('audit-next').addEventListener('click', () => { auditPage += 1; loadAudit(); });
  try {
    departments = await getJson('/api/v1/admin/departments');
    replaceChildren(byId('form-department'),
      departments.map((department) => el('option', { value: department.code }, department.name)));
    await Promise.all([loadAccounts(), loadAudit()]);
  } catch (error) {
    showError(byId('error'), error, '加载失败');
  }
}

start();

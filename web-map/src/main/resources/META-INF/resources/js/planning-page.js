// 网格规划 (planning.html): draw, reshape, split, merge, retire and edit grids of one
// village/community, with the server's findings drawn on the map, history, coverage check,
// the grid layer as of a past date, and import and export of grid files.
import { clearError, showError } from './api.js';
import { FALLBACK_CONFIG, bboxParameter, createBaseMap, loadMapConfig } from './basemap.js';
import { el, replaceChildren } from './dom.js';
import { addBoundaryContext } from './layers.js';
import * as planning from './planning-api.js';
import { ImportPanel } from './planning-import.js';
import { PlanningLayers, findingText } from './planning-layers.js';
import { TeamPanel } from './planning-team.js';
import { ShapeEditor } from './shape-editor.js';
import { startSessionBar } from './session.js';

const CHANGE_NAMES = {
  created: '新建', reshaped: '修改形状', attributes_edited: '修改属性', split: '分割', merged: '合并',
  retired: '撤销', edited: '其他修改',
};
const KIND_NAMES = { basic: '基础网格', dedicated: '专属网格' };
const STATUS_NAMES = { active: '使用中', retired: '已撤销' };
const EDITOR_HINTS = {
  create: '在地图上依次点击新网格边界的顶点，至少 3 个。',
  reshape: '拖动顶点移动，点击边上的小圆点加点，右键点击顶点删除。',
  split: '从网格边界外一侧画到另一侧，分割线经过的网格被切开。',
};
const SNAP_HINT = '顶点会吸附到 10 像素内相邻网格和村（社区）边界的顶点或边上。';

const state = { village: null, selected: null, checked: new Set(), editing: null };
const busy = { count: 0, saved: [] };
const byId = (id) => document.getElementById(id);

let map;
let layers;
let editor;
let teamPanel;

async function start() {
  const config = await loadMapConfig().catch((error) => {
    showError(byId('error'), error, '加载地图配置失败，使用默认视图');
    return FALLBACK_CONFIG;
  });
  map = createBaseMap('map', config);
  // Outlines of the divisions, so the planner can find a village/community before loading it.
  addBoundaryContext(map);
  L.control.scale({ imperial: false }).addTo(map);
  layers = new PlanningLayers(map, { onGridClick: (code) => !editor.active && select(code) });
  editor = new ShapeEditor(map, {
    snapTargets: () => layers.snapTargets(state.editing?.grid?.code),
    onChange: showEditorHint,
  });
  map.on('click', pickVillageOnMap);
  teamPanel = new TeamPanel({
    list: byId('team-list'),
    historyList: byId('team-history-list'),
    form: byId('team-form'),
    run,
    showStatus,
    showLoadError: (error) => showError(byId('error'), error, '加载网格队伍失败'),
  });
  new ImportPanel({
    importForm: byId('import-form'),
    exportForm: byId('export-form'),
    run,
    showFindings,
    showStatus,
    villageCode: () => state.village?.code ?? null,
    onCommitted: async () => {
      if (state.village) {
        await loadVillage(state.village.code);
      }
    },
  });
  wireControls();

  const requested = new URLSearchParams(window.location.search).get('village');
  if (requested) {
    byId('village-code').value = requested;
    await loadVillage(requested, { fit: true });
  } else {
    showMapHint('输入村（社区）代码，或放大地图后点击一个村（社区）。');
  }
  // Lets the browser test and the console reach the page's parts.
  window.hemeiPlanning = { map, layers, editor, state };
}

function wireControls() {
  byId('village-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadVillage(byId('village-code').value.trim(), { fit: true });
  });
  byId('new-grid').addEventListener('click', () => startEditing('create'));
  byId('reshape').addEventListener('click', () => startEditing('reshape'));
  byId('split').addEventListener('click', () => startEditing('split'));
  byId('editor-finish').addEventListener('click', finishEditing);
  byId('editor-cancel').addEventListener('click', stopEditing);
  byId('merge').addEventListener('click', mergeChecked);
  byId('retire').addEventListener('click', retireSelected);
  byId('history').addEventListener('click', () => showHistory(state.selected.code));
  byId('coverage').addEventListener('click', runCoverageCheck);
  byId('attributes-form').addEventListener('submit', saveAttributes);
  byId('as-of-form').addEventListener('submit', showLayerAsOf);
  byId('as-of-clear').addEventListener('click', () => {
    layers.showAsOf(null);
    hideStatus();
  });
}

async function pickVillageOnMap(event) {
  if (state.village || editor.active) {
    return;
  }
  await run(async () => {
    const code = await planning.villageAt(event.latlng);
    byId('village-code').value = code;
    await loadVillage(code, { fit: true });
  });
}

async function loadVillage(code, { fit = false, select: selectCode = state.selected?.code } = {}) {
  await run(async () => {
    const village = await planning.loadVillage(code);
    state.village = village;
    state.checked = new Set([...state.checked].filter((checked) => village.grids.some((g) => g.code === checked)));
    layers.showVillage(village, { fit });
    byId('village-title').textContent = `${village.name}（${village.code}）`;
    byId('next-code').textContent = village.nextGridCode ?? '（无可用编码）';
    byId('village-block').hidden = false;
    hideMapHint();
    history.replaceState(null, '', `?village=${village.code}`);
    renderGridList();
    select(village.grids.some((grid) => grid.code === selectCode) ? selectCode : null);
  });
}

function renderGridList() {
  const rows = state.village.grids.map((grid) => {
    const check = el('input', {
      type: 'checkbox', className: 'grid-row__check', 'aria-label': `选择 ${grid.code} 用于合并`,
      checked: state.checked.has(grid.code),
    });
    check.addEventListener('change', () => {
      if (check.checked) {
        state.checked.add(grid.code);
      } else {
        state.checked.delete(grid.code);
      }
      refreshMergeButton();
      layers.highlight(state.selected?.code, state.checked);
    });
    const pick = el('button', { type: 'button', className: 'grid-row__pick' },
      el('span', { className: 'code' }, grid.code), ' ', grid.name, ' ',
      el('span', { className: 'badge' }, KIND_NAMES[grid.kind] ?? grid.kind), ' ',
      el('span', { className: 'muted' }, `第 ${grid.version} 版`));
    pick.addEventListener('click', () => select(grid.code));
    return el('li', { className: 'grid-row', dataset: { code: grid.code } }, check, pick);
  });
  replaceChildren(byId('grid-list'), rows.length ? rows : el('li', { className: 'muted' }, '本村（社区）还没有网格。'));
  refreshMergeButton();
}

function select(code) {
  state.selected = state.village?.grids.find((grid) => grid.code === code) ?? null;
  for (const row of byId('grid-list').querySelectorAll('.grid-row')) {
    row.classList.toggle('grid-row--selected', row.dataset.code === code);
  }
  layers.highlight(state.selected?.code, state.checked);
  byId('grid-block').hidden = !state.selected;
  byId('history-block').hidden = true;
  layers.showPast(null);
  if (!state.selected) {
    return;
  }
  const grid = state.selected;
  byId('grid-title').textContent = `${grid.name}`;
  replaceChildren(byId('grid-facts'),
    el('dt', {}, '编码'), el('dd', { className: 'code' }, grid.code),
    el('dt', {}, '类型'), el('dd', {}, grid.dedicatedTypeName
      ? `${KIND_NAMES[grid.kind]}（${grid.dedicatedTypeName}）` : KIND_NAMES[grid.kind] ?? grid.kind),
    el('dt', {}, '版本'), el('dd', {}, String(grid.version)),
    el('dt', {}, '面积'), el('dd', {}, `${grid.areaSquareMetres.toLocaleString('zh-CN')} 平方米`));
  const form = byId('attributes-form');
  form.elements.name.value = grid.name;
  form.elements.kind.value = grid.kind;
  form.elements.dedicatedType.value = grid.dedicatedType ?? '';
  form.elements.onlineGroup.value = grid.onlineGroup ?? '';
  // A grid of several parts is reshaped one part at a time, the others sent back unchanged.
  const parts = grid.geometry.coordinates.length;
  byId('reshape-part').hidden = parts < 2;
  replaceChildren(byId('reshape-part'), Array.from({ length: parts }, (_, index) => el('option', { value: index },
    `第 ${index + 1} 部分（共 ${parts} 部分）`)));
  teamPanel.show(grid, state.village.code);
}

function startEditing(mode) {
  clearError(byId('error'));
  const grid = mode === 'create' ? null : state.selected;
  const part = mode === 'reshape' ? Number(byId('reshape-part').value || 0) : 0;
  state.editing = { mode, grid, part };
  if (mode === 'reshape') {
    editor.edit(grid.geometry.coordinates[part]);
    layers.zoomTo({ type: 'Polygon', coordinates: grid.geometry.coordinates[part] });
  } else {
    editor.start(mode === 'split' ? 'line' : 'polygon');
  }
  byId('editor-block').hidden = false;
  showEditorHint();
}

function showEditorHint() {
  const snapped = editor.lastSnapped ? '（刚才的顶点已吸附）' : '';
  byId('editor-hint').textContent = `${EDITOR_HINTS[state.editing.mode]}${SNAP_HINT}${snapped}`;
}

function stopEditing() {
  editor.stop();
  state.editing = null;
  byId('editor-block').hidden = true;
}

async function finishEditing() {
  const geometry = editor.geometry();
  if (!geometry) {
    showError(byId('error'), state.editing.mode === 'split' ? '分割线至少需要 2 个点。' : '网格边界至少需要 3 个顶点。');
    return;
  }
  const { mode, grid, part } = state.editing;
  await applyChange(async () => {
    if (mode === 'create') {
      return planning.createGrid(state.village.code, geometry);
    }
    if (mode === 'split') {
      return planning.splitGrid(grid, geometry);
    }
    const parts = grid.geometry.coordinates;
    return planning.reshapeGrid(grid, parts.length < 2 ? geometry : {
      type: 'MultiPolygon',
      coordinates: parts.map((coordinates, index) => (index === part ? geometry.coordinates : coordinates)),
    });
  }, { onSuccess: stopEditing });
}

async function mergeChecked() {
  const grids = state.village.grids.filter((grid) => state.checked.has(grid.code));
  await applyChange(() => planning.mergeGrids(grids), { onSuccess: () => state.checked.clear() });
}

async function retireSelected() {
  const grid = state.selected;
  if (!window.confirm(`确定撤销网格 ${grid.code}（${grid.name}）吗？撤销后它不再参与分派，编码和历史保留，编码不再使用。`)) {
    return;
  }
  await applyChange(() => planning.retireGrid(grid));
}

async function saveAttributes(event) {
  event.preventDefault();
  const form = event.target.elements;
  const kind = form.kind.value;
  await applyChange(() => planning.editAttributes(state.selected, {
    name: form.name.value,
    kind,
    dedicatedType: kind === 'dedicated' ? form.dedicatedType.value : null,
    onlineGroup: form.onlineGroup.value,
  }));
}

/**
 * Sends a change and shows its outcome: the repairs and warnings on success, the problems on
 * a 422, the current state after a 409 (someone else changed the grid first).
 */
async function applyChange(send, { onSuccess } = {}) {
  await run(async () => {
    try {
      const change = await send();
      onSuccess?.();
      const created = change.grids[0]?.code;
      showFindings(change.findings, '保存成功');
      showStatus(describeChange(change));
      await loadVillage(state.village.code, { select: created ?? null });
    } catch (error) {
      if (error.status === 422 && error.problem?.problems) {
        showFindings(error.problem.problems, '未通过检查');
      }
      if (error.status === 409) {
        stopEditing();
        await loadVillage(state.village.code);
      }
      throw error;
    }
  });
}

function describeChange(change) {
  const parts = [];
  if (change.grids.length) {
    parts.push(`已保存：${change.grids.map((grid) => `${grid.code}（第 ${grid.version} 版）`).join('、')}`);
  }
  if (change.retired.length) {
    parts.push(`已撤销：${change.retired.map((grid) => grid.code).join('、')}`);
  }
  return parts.join('；');
}

function showFindings(collection, title, summary = '') {
  const features = collection?.features ?? [];
  byId('findings-block').hidden = features.length === 0 && !summary;
  byId('findings-title').textContent = title;
  byId('findings-summary').textContent = summary;
  replaceChildren(byId('finding-list'), features.map((feature) => {
    const item = el('button', {
      type: 'button', className: `finding finding--${feature.properties.severity}`,
    }, findingText(feature.properties));
    item.addEventListener('click', () => feature.geometry && layers.zoomTo(feature.geometry));
    return el('li', {}, item);
  }));
  layers.showFindings(collection);
}

async function showHistory(code) {
  await run(async () => {
    const history = await planning.loadHistory(code);
    byId('history-block').hidden = false;
    replaceChildren(byId('version-list'), history.versions.map((version) => {
      const show = el('button', { type: 'button' }, '在地图上显示');
      show.addEventListener('click', () => {
        layers.showPast(version.geometry);
        layers.zoomTo(version.geometry);
      });
      const until = version.validTo ? new Date(version.validTo).toLocaleString('zh-CN') : '至今';
      return el('li', {},
        `${history.code} 第 ${version.version} 版 · ${CHANGE_NAMES[version.change] ?? version.change} · `,
        `${version.name} · ${STATUS_NAMES[version.status] ?? version.status} · `,
        `${new Date(version.validFrom).toLocaleString('zh-CN')} — ${until} · `,
        `${version.areaSquareMetres.toLocaleString('zh-CN')} 平方米 `, show);
    }));
    replaceChildren(byId('lineage'),
      lineageList('来自', history.predecessors),
      lineageList('被替代为', history.successors));
  });
}

function lineageList(label, links) {
  if (!links.length) {
    return null;
  }
  return el('p', {}, `${label}：`, links.map((link) => {
    const button = el('button', { type: 'button', className: 'lineage-link' },
      `${link.code}（${CHANGE_NAMES[link.change] ?? link.change}，${STATUS_NAMES[link.status] ?? link.status}）`);
    button.addEventListener('click', () => showHistory(link.code));
    return [button, ' '];
  }));
}

async function runCoverageCheck() {
  const code = state.village.code;
  const unit = { village: code, township: `${code.slice(0, 9)}000`, county: `${code.slice(0, 6)}000000` }[
    byId('coverage-level').value];
  await run(async () => {
    const report = await planning.checkCoverage(unit);
    const summary = `${report.unit.name}：检查 ${report.villages} 个村（社区）、${report.grids} 个基础网格；`
      + `缝隙 ${report.gaps} 处共 ${report.gapAreaSquareMetres} 平方米，重叠 ${report.overlaps} 处共 `
      + `${report.overlapAreaSquareMetres} 平方米，超出边界 ${report.outsideParts} 处，面积异常 ${report.areaOutliers} 个`
      + `（容差 ${report.toleranceMetres} 米）。`;
    showFindings(report.findings, '覆盖检查', summary);
  });
}

async function showLayerAsOf(event) {
  event.preventDefault();
  const date = byId('as-of').value;
  if (!date) {
    showError(byId('error'), '请先选择日期。');
    return;
  }
  await run(async () => {
    const layer = await planning.loadLayerAsOf(bboxParameter(map.getBounds()), date);
    layers.showAsOf(layer);
    showStatus(`灰色虚线为 ${date} 当日结束时的网格，共 ${layer.features.length} 个${layer.truncated ? '（未全部显示，请放大地图）' : ''}。`);
  });
}

/**
 * Runs an action and shows its error in the page's error box. The panel's buttons are
 * disabled until the last of the actions running at once has finished, so a slow request
 * cannot be sent twice.
 */
async function run(action) {
  clearError(byId('error'));
  if (busy.count++ === 0) {
    busy.saved = [...document.querySelectorAll('.planning-panel button')].map((button) => [button, button.disabled]);
    busy.saved.forEach(([button]) => {
      button.disabled = true;
    });
  }
  try {
    await action();
  } catch (error) {
    showError(byId('error'), error);
  } finally {
    if (--busy.count === 0) {
      busy.saved.forEach(([button, disabled]) => {
        button.disabled = disabled;
      });
      refreshMergeButton();
    }
  }
}

function refreshMergeButton() {
  byId('merge').disabled = state.checked.size < 2;
}

function showStatus(text) {
  byId('status').textContent = text;
  byId('status').hidden = !text;
}

function hideStatus() {
  byId('status').hidden = true;
}

function showMapHint(text) {
  byId('map-hint').textContent = text;
  byId('map-hint').hidden = false;
}

function hideMapHint() {
  byId('map-hint').hidden = true;
}

startSessionBar().catch(() => {});
start();

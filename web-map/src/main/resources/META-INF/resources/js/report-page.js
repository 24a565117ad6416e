// 居民上报 (report.html): a resident picks a place, describes the problem and gets a
// tracking code and the grid, department and deadlines the report was routed to. Open
// incidents of the same category near the pin are offered first, to follow instead.
import { clearError, getJson, isAbort, postJson, query, showError } from './api.js';
import { FALLBACK_CONFIG, createBaseMap, loadMapConfig } from './basemap.js';
import { el, replaceChildren } from './dom.js';
import { formatDistance, gridLabel, handlingLimitText } from './format.js';
import { addAreaLayers } from './layers.js';
import { LocationPicker } from './location-picker.js';
import { NearbyOffer } from './nearby-offer.js';
import { PhotoPicker } from './report-photos.js';
import { routingFacts } from './routing-view.js';
import { fillTrackingCode, lookUpTrackingCode, startTrackingBox } from './tracking.js';
import { SourceStatusPanel } from './viewport-source.js';

const DESCRIPTION_MAX_LENGTH = 2000;

// Mainland mobile numbers, or landlines with area code and optional extension.
const PHONE_PATTERN = /^(?:\+?86[- ]?)?(?:1\d{10}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

const byId = (id) => document.getElementById(id);

let picker;
let nearbyOffer;
let photos;
// One key per report being written: a retry after a lost response gets the first response
// instead of filing the report twice. A new key is made once a report was accepted.
let idempotencyKey = newIdempotencyKey();
let previewController = null;
let categoriesByCode = new Map();

async function start() {
  const config = await loadMapConfig().catch((error) => {
    showError(byId('layer-error'), error, '加载地图配置失败，使用默认视图');
    return FALLBACK_CONFIG;
  });

  const map = createBaseMap('report-map', config);
  const { sources } = addAreaLayers(map, { facilities: false });
  new SourceStatusPanel(byId('map-hint'), byId('layer-error'), sources);
  picker = new LocationPicker(map, byId('pin-location'), pinMoved);
  nearbyOffer = new NearbyOffer(map, { contact: validContact, onFollowed: showFollowed });
  photos = new PhotoPicker(byId('photos'), byId('photo-list'));

  byId('locate').addEventListener('click', locate);
  byId('category').addEventListener('change', categoryChosen);
  byId('description').addEventListener('input', updateDescriptionCount);
  byId('report-form').addEventListener('submit', submitReport);
  byId('copy-tracking-code').addEventListener('click', () => copyCode('tracking-code', 'copy-status'));
  byId('copy-followed-code').addEventListener('click', () => copyCode('followed-code', 'copy-followed-status'));
  byId('new-report').addEventListener('click', () => startNewReport(map));
  byId('followed-new-report').addEventListener('click', () => startNewReport(map));
  startTrackingBox();
  loadCategories();

  // Test hook for the browser test and the console: moves the map or places the pin
  // (coordinates in CGCS2000, as on the map).
  window.hemeiReport = {
    map,
    setView: (lon, lat, zoom) => map.setView([lat, lon], zoom, { animate: false }),
    setPin: (lon, lat) => picker.setPin(lon, lat, 'cgcs2000'),
    pin: () => picker.location,
  };
}

async function loadCategories() {
  const select = byId('category');
  try {
    const categories = await getJson('/api/v1/categories');
    replaceChildren(select, el('option', { value: '' }, '请选择问题类别'), categoryGroups(categories));
    categoriesByCode = new Map(categories.map((category) => [category.code, category]));
  } catch (error) {
    replaceChildren(select, el('option', { value: '' }, '问题类别加载失败'));
    showError(byId('error'), error, '加载问题类别失败，请刷新页面重试');
  }
}

/**
 * Groups categories into optgroups in the order the server returns them. Each option shows
 * the category's handling time limit when the server sends one.
 */
function categoryGroups(categories) {
  const groups = new Map();
  for (const category of categories) {
    if (!groups.has(category.group)) {
      groups.set(category.group, el('optgroup', { label: category.group }));
    }
    const limit = handlingLimitText(category);
    const label = limit ? `${category.name}（${limit}）` : category.name;
    groups.get(category.group).append(el('option', { value: category.code }, label));
  }
  return [...groups.values()];
}

function pinMoved(location) {
  previewRoute(location);
  nearbyOffer.update(location, byId('category').value);
}

function categoryChosen() {
  showCategoryInfo();
  nearbyOffer.update(picker.location, byId('category').value);
}

function showCategoryInfo() {
  const select = byId('category');
  const info = byId('category-info');
  const category = categoriesByCode.get(select.value);

  info.hidden = !category;
  info.textContent = category ? `承办部门：${category.departmentName} · 分流方式：${category.handlerRouteName}` : '';
}

function updateDescriptionCount() {
  byId('description-count').textContent = String(byId('description').value.length);
}

async function locate() {
  const button = byId('locate');
  button.disabled = true;
  button.textContent = '正在定位…';
  clearError(byId('error'));
  try {
    await picker.locate();
  } catch (error) {
    showError(byId('error'), error);
  } finally {
    button.disabled = false;
    button.textContent = '使用当前位置';
  }
}

/** Shows which grid the pinned place belongs to, before the report is sent. */
async function previewRoute(location) {
  const line = byId('pin-grid');
  previewController?.abort();
  previewController = new AbortController();

  line.classList.remove('pin-grid--error');
  line.textContent = '正在查询所在网格…';
  line.hidden = false;
  try {
    const routing = await getJson(`/api/v1/route${query(location)}`, { signal: previewController.signal });
    line.textContent = previewText(routing);
  } catch (error) {
    if (!isAbort(error)) {
      line.classList.add('pin-grid--error');
      line.textContent = `无法确定所在网格：${error.message}`;
    }
  }
}

function previewText(routing) {
  if (routing.outsideCoverage) {
    return `该位置不在网格内，将分派给最近的网格 ${gridLabel(routing.grid)}（相距约 ${formatDistance(routing.distanceMetres)}）`;
  }
  const dedicated = routing.dedicatedGrid ? `，专属网格 ${gridLabel(routing.dedicatedGrid)}` : '';
  return `所在网格：${gridLabel(routing.grid)}${dedicated}`;
}

async function submitReport(event) {
  event.preventDefault();
  const errorBox = byId('error');
  clearError(errorBox);

  const problem = validateForm();
  if (problem) {
    showError(errorBox, problem.message);
    problem.field?.focus();
    return;
  }

  const button = byId('submit');
  button.disabled = true;
  button.textContent = '正在提交…';
  try {
    const request = reportRequest();
    const refs = await photos.upload();
    if (refs.length > 0) {
      request.photos = refs;
    }
    const created = await postJson('/api/v1/incidents', request, { headers: { 'Idempotency-Key': idempotencyKey } });
    idempotencyKey = newIdempotencyKey();
    showResult(created);
  } catch (error) {
    showError(errorBox, error, '提交失败');
  } finally {
    button.disabled = false;
    button.textContent = '提交上报';
  }
}

/** Returns {message, field} for the first invalid input, or null when the form is complete. */
function validateForm() {
  const description = byId('description').value.trim();
  const contact = byId('contact').value.trim();

  if (!picker.location) {
    return { message: '请先在地图上点选问题位置，或使用当前位置。', field: byId('locate') };
  }
  if (!byId('category').value) {
    return { message: '请选择问题类别。', field: byId('category') };
  }
  if (!description) {
    return { message: '请填写问题描述。', field: byId('description') };
  }
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    return { message: `问题描述最多 ${DESCRIPTION_MAX_LENGTH} 字，请删减后再提交。`, field: byId('description') };
  }
  if (contact && !validContact()) {
    return { message: '联系电话格式不正确，请填写手机号或带区号的固定电话，也可以不填。', field: byId('contact') };
  }
  const photoProblem = photos.problem();
  if (photoProblem) {
    return { message: photoProblem, field: byId('photos') };
  }
  return null;
}

/** Returns the contact the resident typed when it is a valid phone number, else null. */
function validContact() {
  const contact = byId('contact').value.trim();
  return contact && PHONE_PATTERN.test(contact.replaceAll(' ', '')) ? contact : null;
}

function reportRequest() {
  const { lon, lat, crs } = picker.location;
  const contact = byId('contact').value.trim();
  const request = {
    lon,
    lat,
    crs,
    category: byId('category').value,
    description: byId('description').value.trim(),
    urgency: document.querySelector('input[name="urgency"]:checked').value,
    channel: 'app',
  };
  if (contact) {
    request.contact = contact;
  }
  return request;
}

function showResult(created) {
  byId('tracking-code').textContent = created.trackingCode;
  byId('result-status').textContent = created.statusName;
  byId('copy-status').textContent = '';
  replaceChildren(byId('routing-result'), routingFacts(created.routing, 'routed'));
  fillTrackingCode(created.trackingCode);

  showInPlaceOfForm(byId('result'));
}

/** Shows the follower's own tracking code and the followed incident's progress below it. */
function showFollowed(followed, item) {
  byId('followed-code').textContent = followed.followerCode;
  byId('followed-status').textContent = followed.statusName;
  byId('followed-description').textContent = `${item.categoryName}：${item.descriptionExcerpt}`;
  byId('copy-followed-status').textContent = '';
  showInPlaceOfForm(byId('followed'));
  lookUpTrackingCode(followed.followerCode);
}

function showInPlaceOfForm(section) {
  byId('report-form').hidden = true;
  section.hidden = false;
  section.focus();
  section.scrollIntoView({ block: 'start' });
}

function startNewReport(map) {
  const form = byId('report-form');
  byId('description').value = '';
  byId('contact').value = '';
  photos.clear();
  form.querySelector('input[name="urgency"][value="ordinary"]').checked = true;
  updateDescriptionCount();

  byId('result').hidden = true;
  byId('followed').hidden = true;
  form.hidden = false;
  // The map was hidden, so Leaflet must measure its container again.
  map.invalidateSize();
  form.scrollIntoView({ block: 'start' });
  nearbyOffer.update(picker.location, byId('category').value);
}

async function copyCode(outputId, statusId) {
  const code = byId(outputId).textContent;
  const status = byId(statusId);
  try {
    await navigator.clipboard.writeText(code);
    status.textContent = '已复制跟踪码。';
  } catch {
    // The Clipboard API needs HTTPS; select the code so the resident can copy it by hand.
    window.getSelection().selectAllChildren(byId(outputId));
    status.textContent = '无法自动复制，已选中跟踪码，请长按或按 Ctrl+C 复制。';
  }
}

function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

start();

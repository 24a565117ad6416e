// 附近已有相同问题 on report.html: once the resident has placed the pin and chosen a category,
// the open incidents of that category near the pin (GET /api/v1/incidents/nearby) are offered
// before the report is sent, listed and drawn on the map. Following one
// (POST /api/v1/incidents/nearby/{id}/followers) gives the resident a tracking code of their
// own instead of a duplicate report. The suggestions carry no tracking codes, so the follow
// request repeats the pin and category that the list was found for.
import { clearError, getJson, isAbort, postJson, query, showError } from './api.js';
import { el, replaceChildren } from './dom.js';
import { formatDistance, formatShortDateTime } from './format.js';

const MARKER_STYLE = { className: 'nearby-marker', radius: 9, color: '#8a3b00', weight: 2, fillColor: '#c8641a', fillOpacity: 0.85 };
const RADIUS_STYLE = { color: '#c8641a', weight: 1, dashArray: '4 4', fill: false, interactive: false };

const byId = (id) => document.getElementById(id);

export class NearbyOffer {
  /**
   * @param map the page's Leaflet map, on which the offered incidents are drawn
   * @param contact () => string or null, the contact to store with a follower
   * @param onFollowed (followed, item) => void, called with the POST response and the followed suggestion
   */
  constructor(map, { contact, onFollowed }) {
    this.map = map;
    this.contact = contact;
    this.onFollowed = onFollowed;
    this.layer = L.layerGroup().addTo(map);
    this.controller = null;
    this.request = null;

    byId('nearby-continue').addEventListener('click', () => this.dismiss());
  }

  /**
   * Looks up the open incidents of the category near the pin and offers them. Hides the offer
   * while the pin or the category is missing. A failed lookup is shown, but never stops the report.
   */
  async update(location, category) {
    this.controller?.abort();
    this.clear();
    if (!location || !category) {
      return;
    }

    const request = { lon: location.lon, lat: location.lat, crs: location.crs, category };
    const controller = new AbortController();
    this.controller = controller;
    let suggestions;
    try {
      suggestions = await getJson(`/api/v1/incidents/nearby${query(request)}`, { signal: controller.signal });
    } catch (error) {
      if (!isAbort(error)) {
        this.showStatus(`暂时无法查询附近的相同问题（${error.message}），可以继续上报。`);
      }
      return;
    }
    if (this.controller !== controller) {
      return;
    }
    this.request = request;
    this.show(suggestions);
  }

  show({ radiusMetres, items }) {
    if (items.length === 0) {
      this.showStatus(`附近 ${radiusMetres} 米内没有同类未办结事件，请继续填写。`);
      return;
    }

    const pin = [this.request.lat, this.request.lon];
    L.circle(pin, { radius: radiusMetres, ...RADIUS_STYLE }).addTo(this.layer);
    items.forEach((item, index) => this.addMarker(item, index + 1));

    byId('nearby-radius').textContent = String(radiusMetres);
    replaceChildren(byId('nearby-list'), items.map((item, index) => this.row(item, index + 1)));
    byId('nearby-offer').hidden = false;
    byId('nearby').hidden = false;
  }

  row(item, number) {
    const button = el('button', { type: 'button', className: 'button button--primary nearby-item__follow',
      dataset: { follow: String(item.id) } }, '关注此事件');
    button.addEventListener('click', () => this.follow(item, button));

    return el('li', { className: 'nearby-item', dataset: { id: String(item.id) } },
      el('p', { className: 'nearby-item__title' },
        el('span', { className: 'nearby-item__number', 'aria-hidden': 'true' }, String(number)),
        el('span', { className: 'nearby-item__category' }, item.categoryName),
        el('span', { className: 'badge badge--status nearby-item__status' }, item.statusName)),
      el('p', { className: 'nearby-item__description' }, item.descriptionExcerpt),
      el('p', { className: 'muted nearby-item__meta' },
        `相距约 ${formatDistance(item.distanceMetres)} · ${formatShortDateTime(item.reportedAt)} 上报`),
      button);
  }

  addMarker(item, number) {
    const tooltip = el('span', {}, `${number}. ${item.categoryName} · ${item.statusName}`);
    L.circleMarker([item.location.lat, item.location.lon], MARKER_STYLE)
      .bindTooltip(tooltip)
      .on('click', () => {
        const row = byId('nearby-list').querySelector(`[data-id="${item.id}"]`);
        row?.scrollIntoView({ block: 'center' });
      })
      .addTo(this.layer);
  }

  async follow(item, button) {
    const errorBox = byId('nearby-error');
    clearError(errorBox);
    button.disabled = true;
    button.textContent = '正在关注…';

    const body = { ...this.request };
    const contact = this.contact();
    if (contact) {
      body.contact = contact;
    }
    try {
      const followed = await postJson(`/api/v1/incidents/nearby/${encodeURIComponent(item.id)}/followers`, body);
      this.clear();
      this.onFollowed(followed, item);
    } catch (error) {
      showError(errorBox, error, '关注失败');
      button.disabled = false;
      button.textContent = '关注此事件';
    }
  }

  /** Closes the offer so the resident goes on with a new report. Moving the pin offers again. */
  dismiss() {
    this.clear();
    this.showStatus('已忽略附近的相同问题，请继续填写新的上报。');
    byId('description').focus();
  }

  showStatus(text) {
    byId('nearby-offer').hidden = true;
    byId('nearby-status').textContent = text;
    byId('nearby-status').hidden = false;
    byId('nearby').hidden = false;
  }

  clear() {
    this.layer.clearLayers();
    this.request = null;
    replaceChildren(byId('nearby-list'));
    clearError(byId('nearby-error'));
    byId('nearby-status').hidden = true;
    byId('nearby-offer').hidden = true;
    byId('nearby').hidden = true;
  }
}

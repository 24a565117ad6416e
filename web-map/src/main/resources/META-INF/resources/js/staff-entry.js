// Staff entry on the dispatcher console: a report taken by phone or from the suggestion box,
// placed by a click on the map while the entry form is open, posted to POST /api/v1/incidents.
import { clearError, postJson, showError } from './api.js';
import { formatLonLat } from './format.js';

const byId = (id) => document.getElementById(id);

export class StaffEntry {
  /**
   * @param map the Leaflet map; its clicks place the point only while the form is open
   * @param categories [{code, name}] for the category choice
   * @param onReported (accepted) => void, called with the POST response after a report was stored
   */
  constructor(map, categories, onReported) {
    this.map = map;
    this.onReported = onReported;
    this.location = null;
    this.marker = null;

    const select = byId('entry-category');
    for (const category of categories) {
      const option = document.createElement('option');
      option.value = category.code;
      option.textContent = category.name;
      select.append(option);
    }

    map.on('click', (event) => {
      if (byId('staff-entry').open) {
        this.place(event.latlng.lng, event.latlng.lat);
      }
    });
    byId('staff-entry').addEventListener('toggle', () => {
      if (!byId('staff-entry').open) {
        this.clearPoint();
      }
    });
    byId('entry-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  /** Places the point; points on the map are CGCS2000, like the server's coordinates. */
  place(lon, lat) {
    this.location = { lon, lat, crs: 'cgcs2000' };
    if (this.marker) {
      this.marker.setLatLng([lat, lon]);
    } else {
      this.marker = L.marker([lat, lon], { title: '代录事件位置' }).addTo(this.map);
    }
    byId('entry-location').textContent = formatLonLat(lon, lat);
  }

  clearPoint() {
    this.location = null;
    this.marker?.remove();
    this.marker = null;
    byId('entry-location').textContent = '请在地图上点击事件位置';
  }

  async submit() {
    const error = byId('entry-error');
    const result = byId('entry-result');
    result.hidden = true;
    if (!this.location) {
      showError(error, '请先在地图上点击事件位置。');
      return;
    }

    const contact = byId('entry-contact').value.trim();
    const report = {
      ...this.location,
      channel: byId('entry-channel').value,
      category: byId('entry-category').value,
      urgency: byId('entry-urgency').value,
      description: byId('entry-description').value,
      contact: contact || null,
    };

    let accepted;
    try {
      accepted = await postJson('/api/v1/incidents', report);
    } catch (failure) {
      showError(error, failure, '提交失败');
      return;
    }

    clearError(error);
    result.textContent = `已录入事件 ${accepted.id}，跟踪码 ${accepted.trackingCode}，可告知反映人查询进度。`;
    result.hidden = false;
    byId('entry-description').value = '';
    byId('entry-contact').value = '';
    this.clearPoint();
    this.onReported(accepted);
  }
}

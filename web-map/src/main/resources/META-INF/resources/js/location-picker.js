// The resident's pin: placed by a tap on the map, by dragging, or from the device's
// location. It records the coordinate system of its coordinates, because the server
// converts them before routing. A point on our map is CGCS2000, while the browser's
// Geolocation API reports WGS84. The two agree to well under a metre, but each request
// still states which one it uses.
import { formatLonLat } from './format.js';

// A tap below this zoom is too coarse to pick a doorway, so the map zooms in to PIN_ZOOM.
const PRECISE_ZOOM = 15;
const PIN_ZOOM = 17;

const GEOLOCATION_OPTIONS = { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 };

export class LocationPicker {
  /**
   * @param map the Leaflet map
   * @param output element that shows the chosen coordinates
   * @param onChange (location) => void, called with {lon, lat, crs} after every change
   */
  constructor(map, output, onChange) {
    this.map = map;
    this.output = output;
    this.onChange = onChange;
    this.location = null;
    this.marker = null;

    map.on('click', (event) => {
      this.setPin(event.latlng.lng, event.latlng.lat, 'cgcs2000');
      if (map.getZoom() < PRECISE_ZOOM) {
        map.setView(event.latlng, PIN_ZOOM);
      }
    });
  }

  /** Places or moves the pin. `crs` is 'cgcs2000' for points on our map, 'wgs84' from the device. */
  setPin(lon, lat, crs, accuracyMetres = null) {
    this.location = { lon, lat, crs };

    if (this.marker) {
      this.marker.setLatLng([lat, lon]);
    } else {
      this.marker = L.marker([lat, lon], { draggable: true, autoPan: true, title: '问题位置（可拖动）' }).addTo(this.map);
      this.marker.on('dragend', () => {
        const position = this.marker.getLatLng();
        this.setPin(position.lng, position.lat, 'cgcs2000');
      });
    }

    const source = crs === 'wgs84' ? '设备定位' : '地图选点';
    const accuracy = accuracyMetres ? `，精度约 ${Math.round(accuracyMetres)} 米` : '';
    this.output.textContent = `${formatLonLat(lon, lat)}（${source}${accuracy}）`;
    this.onChange(this.location);
  }

  /**
   * Asks the device for its position and places the pin there. Resolves when the pin is
   * placed; rejects with an Error whose message is a Chinese explanation.
   */
  locate() {
    return new Promise((resolve, reject) => {
      if (!window.isSecureContext || !navigator.geolocation) {
        reject(new Error('当前页面不支持定位（需要通过 HTTPS 访问），请在地图上点选位置。'));
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const { longitude, latitude, accuracy } = position.coords;
          this.setPin(longitude, latitude, 'wgs84', accuracy);
          this.map.setView([latitude, longitude], PIN_ZOOM);
          resolve(this.location);
        },
        (error) => reject(new Error(geolocationMessage(error))),
        GEOLOCATION_OPTIONS);
    });
  }
}

function geolocationMessage(error) {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return '未获得定位权限。请在浏览器设置中允许定位，或在地图上点选位置。';
    case error.TIMEOUT:
      return '定位超时，请到开阔处重试，或在地图上点选位置。';
    default:
      return '暂时无法获取当前位置，请在地图上点选位置。';
  }
}

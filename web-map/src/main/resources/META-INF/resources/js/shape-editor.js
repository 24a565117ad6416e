// Drawing and editing of grid shapes and split lines on the map, with every placed or moved
// vertex snapped to the neighbouring grids and the village/community boundary. Written for
// this page instead of using Leaflet.draw, so that snapping happens while drawing.
import { snapPositions } from './planning-snap.js';

const VERTEX_ICON = L.divIcon({ className: 'editor-vertex', iconSize: [12, 12] });
const MIDPOINT_ICON = L.divIcon({ className: 'editor-midpoint', iconSize: [10, 10] });
const PREVIEW_STYLE = { color: '#b3261e', weight: 2, dashArray: '4 3', fillColor: '#b3261e', fillOpacity: 0.12 };

/**
 * One shape being drawn or edited. In polygon mode `rings` contains the rings without their
 * closing vertex, the outer ring first and then the holes. In line mode it contains one open
 * line. Clicking the map adds a vertex to the first ring, dragging a vertex moves it,
 * clicking a midpoint inserts one and right-clicking a vertex deletes it.
 */
export class ShapeEditor {
  constructor(map, { snapTargets, onChange }) {
    this.map = map;
    this.snapTargets = snapTargets;
    this.onChange = onChange;
    this.layer = L.layerGroup().addTo(map);
    this.rings = null;
    this.kind = null;
    this.lastSnapped = 0;
    this.onMapClick = (event) => this.addVertex(event.latlng);
  }

  get active() {
    return this.rings !== null;
  }

  /** Starts drawing a new polygon ('polygon') or split line ('line'). */
  start(kind) {
    this.stop();
    this.kind = kind;
    this.rings = [[]];
    this.map.doubleClickZoom.disable();
    this.map.on('click', this.onMapClick);
    this.map.getContainer().classList.add('map--drawing');
    this.render();
  }

  /** Starts editing existing rings, given as GeoJSON [lon, lat] rings (closed). */
  edit(geoJsonRings) {
    this.start('polygon');
    this.rings = geoJsonRings.map((ring) => ring.slice(0, -1).map(([lon, lat]) => [lon, lat]));
    this.render();
  }

  /** Returns the GeoJSON geometry drawn so far, or null when it has too few vertices. */
  geometry() {
    if (!this.active) {
      return null;
    }
    if (this.kind === 'line') {
      return this.rings[0].length >= 2 ? { type: 'LineString', coordinates: this.rings[0] } : null;
    }
    if (this.rings[0].length < 3) {
      return null;
    }
    return { type: 'Polygon', coordinates: this.rings.map((ring) => [...ring, ring[0]]) };
  }

  stop() {
    this.map.off('click', this.onMapClick);
    this.map.doubleClickZoom.enable();
    this.map.getContainer().classList.remove('map--drawing');
    this.layer.clearLayers();
    this.rings = null;
    this.kind = null;
  }

  addVertex(latlng) {
    this.rings[0].push(this.snap([latlng.lng, latlng.lat]));
    this.changed();
  }

  snap(position) {
    const { positions, moved } = snapPositions(this.map, [position], this.snapTargets());
    this.lastSnapped = moved;
    return positions[0];
  }

  changed() {
    this.render();
    this.onChange?.(this);
  }

  render() {
    this.layer.clearLayers();
    if (!this.active) {
      return;
    }
    const latlngs = this.rings.map((ring) => ring.map(([lon, lat]) => [lat, lon]));
    if (this.kind === 'line' || this.rings[0].length < 3) {
      L.polyline(latlngs[0], { ...PREVIEW_STYLE, interactive: false }).addTo(this.layer);
    } else {
      L.polygon(latlngs, { ...PREVIEW_STYLE, interactive: false }).addTo(this.layer);
    }
    this.rings.forEach((ring) => this.renderHandles(ring));
  }

  renderHandles(ring) {
    const closed = this.kind === 'polygon' && ring.length >= 3;
    ring.forEach(([lon, lat], i) => {
      const vertex = L.marker([lat, lon], { icon: VERTEX_ICON, draggable: true, keyboard: false }).addTo(this.layer);
      vertex.on('dragend', () => {
        const moved = vertex.getLatLng();
        ring[i] = this.snap([moved.lng, moved.lat]);
        this.changed();
      });
      vertex.on('contextmenu', (event) => {
        L.DomEvent.preventDefault(event.originalEvent);
        const minimum = this.kind === 'line' ? 2 : 3;
        if (ring.length > minimum) {
          ring.splice(i, 1);
          this.changed();
        }
      });
    });

    const segments = closed ? ring.length : ring.length - 1;
    for (let i = 0; i < segments; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      const middle = L.marker([(a[1] + b[1]) / 2, (a[0] + b[0]) / 2], { icon: MIDPOINT_ICON, keyboard: false })
        .addTo(this.layer);
      // Markers do not pass clicks on to the map, so this adds no vertex through onMapClick.
      middle.on('click', () => {
        ring.splice(i + 1, 0, this.snap([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]));
        this.changed();
      });
    }
  }
}

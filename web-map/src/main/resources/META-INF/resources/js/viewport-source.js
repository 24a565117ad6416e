// Loading of map data for the visible area only. Each source refetches when the view
// moves, never loads a whole layer, and reports whether the user must zoom in or the
// server left features out ("truncated").
import { isAbort } from './api.js';
import { bboxParameter } from './basemap.js';

// Fetch a margin around the view so that small pans need no new request.
const VIEW_MARGIN = 0.2;

export class ViewportSource {
  /**
   * @param map the Leaflet map
   * @param options.layers Leaflet layers that show this data. The source loads only while
   *   at least one of them is on the map.
   * @param options.minZoom below this zoom the layers are emptied and nothing is requested
   * @param options.load async (bbox, zoom, signal) => result with a boolean `truncated`
   * @param options.render (result) => void, replaces the layers' content
   * @param options.clear () => void, empties the layers
   * @param options.messages {zoomIn, truncated, failed}: Chinese texts for the status panel
   */
  constructor(map, { layers, minZoom = 0, load, render, clear, messages }) {
    this.map = map;
    this.layers = layers;
    this.minZoom = minZoom;
    this.load = load;
    this.render = render;
    this.clear = clear;
    this.messages = messages;
    this.state = 'off';
    this.error = null;
    this.loaded = null;
    this.controller = null;
    this.pending = null;
    this.listeners = [];

    map.on('moveend', () => this.refresh());
    for (const layer of layers) {
      layer.on('add', () => this.refresh());
      layer.on('remove', () => this.refresh());
    }
  }

  /** Registers a callback run after every state change. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  /** Reloads for the current view; `force` reloads even when the loaded area still covers it. */
  async refresh({ force = false } = {}) {
    if (!this.layers.some((layer) => this.map.hasLayer(layer))) {
      this.cancel();
      this.setState('off');
      return;
    }

    const zoom = this.map.getZoom();
    if (zoom < this.minZoom) {
      this.cancel();
      this.clear();
      this.loaded = null;
      this.setState('zoom-in');
      return;
    }

    const view = this.map.getBounds();
    if (!force && this.covers(view, zoom)) {
      return;
    }

    const bounds = view.pad(VIEW_MARGIN);
    const bbox = bboxParameter(bounds);
    if (!force && this.pending?.bbox === bbox && this.pending.zoom === zoom) {
      return;
    }
    await this.fetchArea(bounds, bbox, zoom);
  }

  async fetchArea(bounds, bbox, zoom) {
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    this.pending = { bbox, zoom };
    this.setState('loading');

    let result;
    try {
      result = await this.load(bbox, zoom, controller.signal);
    } catch (error) {
      if (!isAbort(error)) {
        this.pending = null;
        this.loaded = null;
        this.setState('error', error);
      }
      return;
    }

    if (controller.signal.aborted) {
      return;
    }
    this.pending = null;
    this.render(result);
    this.loaded = { bounds, zoom, truncated: Boolean(result.truncated) };
    this.setState(this.loaded.truncated ? 'truncated' : 'ready');
  }

  covers(view, zoom) {
    const loaded = this.loaded;
    return loaded !== null && !loaded.truncated && loaded.zoom === zoom && loaded.bounds.contains(view);
  }

  cancel() {
    this.controller?.abort();
    this.controller = null;
    this.pending = null;
  }

  setState(state, error = null) {
    this.state = state;
    this.error = error;
    for (const listener of this.listeners) {
      listener(this);
    }
  }
}

/**
 * Shows the hints ("zoom in", "features left out") and load errors of several sources, in
 * a hint element and an error element.
 */
export class SourceStatusPanel {
  constructor(hintElement, errorElement, sources) {
    this.hintElement = hintElement;
    this.errorElement = errorElement;
    this.sources = sources;
    for (const source of sources) {
      source.onChange(() => this.update());
    }
    this.update();
  }

  update() {
    const hints = [];
    const errors = [];
    for (const source of this.sources) {
      if (source.state === 'zoom-in' && source.messages.zoomIn) {
        hints.push(source.messages.zoomIn);
      } else if (source.state === 'truncated') {
        hints.push(source.messages.truncated);
      } else if (source.state === 'error') {
        errors.push(`${source.messages.failed}：${source.error.message}`);
      }
    }

    showLines(this.hintElement, hints);
    showLines(this.errorElement, errors);
  }
}

function showLines(element, lines) {
  element.textContent = [...new Set(lines)].join('\n');
  element.hidden = lines.length === 0;
}

// Hiding of area labels that collide. Leaflet puts each permanent tooltip at the centre of
// its polygon and never checks for collisions, so a village, a basic grid and a dedicated
// grid inside it can print their names on top of each other.

// Labels closer than this many CSS pixels count as overlapping: their white halos touch,
// and two lines of small text with no gap read as one name.
const MIN_GAP = 4;

/**
 * Keeps the labels of the given GeoJSON layers from overlapping. `layers` are in priority
 * order, highest first. The labels are checked after every zoom, pan, data load and layer
 * toggle. A label closer than MIN_GAP to a label shown before it (from an earlier layer, or
 * earlier in its own layer) gets the class area-label--covered until a later check finds room.
 */
export function hideOverlappingLabels(map, layers) {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) {
      return;
    }
    scheduled = true;
    // One check per frame, however many features a data load adds.
    window.requestAnimationFrame(() => {
      scheduled = false;
      updateCoveredLabels(map, layers);
    });
  };

  map.on('zoomend moveend resize', schedule);
  for (const layer of layers) {
    layer.on('add remove layeradd layerremove', schedule);
  }
}

function updateCoveredLabels(map, layers) {
  // All boxes are measured before any class changes, so the browser lays out the page once.
  const labels = visibleLabels(map, layers);
  const placed = [];
  const covered = labels.map(({ box }) => {
    const overlaps = placed.some((other) => intersects(box, other, MIN_GAP));
    if (!overlaps) {
      placed.push(box);
    }
    return overlaps;
  });

  labels.forEach(({ element }, index) => element.classList.toggle('area-label--covered', covered[index]));
}

/**
 * Returns the label elements of the layers with their boxes, in priority order, leaving out
 * labels hidden at this zoom (they have no box) and labels outside the map.
 */
function visibleLabels(map, layers) {
  const frame = map.getContainer().getBoundingClientRect();
  const labels = [];
  for (const layer of layers) {
    if (!map.hasLayer(layer)) {
      continue;
    }
    layer.eachLayer((feature) => {
      const element = feature.getTooltip()?.getElement();
      if (!element?.isConnected) {
        return;
      }
      const box = element.getBoundingClientRect();
      if (box.width > 0 && intersects(box, frame)) {
        labels.push({ element, box });
      }
    });
  }
  return labels;
}

/** Returns true when two boxes overlap or are less than `gap` pixels apart. */
function intersects(a, b, gap = 0) {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

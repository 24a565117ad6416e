// Snapping of drawn vertices to the vertices and edges of neighbouring grids and of the
// village/community boundary, so that shared borders are shared exactly. The tolerance is in
// screen pixels; the snapped point is computed in longitude/latitude, where the server
// treats edges as straight lines.

export const SNAP_PIXELS = 10;

/** Returns the rings of a GeoJSON Polygon or MultiPolygon as arrays of [lon, lat]. */
export function ringsOf(geometry) {
  if (!geometry) {
    return [];
  }
  if (geometry.type === 'Polygon') {
    return geometry.coordinates;
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates.flat();
  }
  return [];
}

/**
 * Moves each drawn vertex onto the nearest target vertex within the tolerance, or else onto
 * the nearest point of a target edge within it. Returns new [lon, lat] positions and the
 * number of vertices moved.
 */
export function snapPositions(map, positions, targetRings, tolerance = SNAP_PIXELS) {
  let moved = 0;
  const snapped = positions.map((position) => {
    const result = snapOne(map, position, targetRings, tolerance);
    if (result[0] !== position[0] || result[1] !== position[1]) {
      moved += 1;
    }
    return result;
  });
  return { positions: snapped, moved };
}

function snapOne(map, [lon, lat], rings, tolerance) {
  const point = map.latLngToContainerPoint([lat, lon]);
  let bestVertex = null;
  let bestVertexDistance = tolerance;
  for (const ring of rings) {
    for (const vertex of ring) {
      const distance = point.distanceTo(map.latLngToContainerPoint([vertex[1], vertex[0]]));
      if (distance <= bestVertexDistance) {
        bestVertex = vertex;
        bestVertexDistance = distance;
      }
    }
  }
  if (bestVertex) {
    return [bestVertex[0], bestVertex[1]];
  }

  let bestEdgePoint = null;
  let bestEdgeDistance = tolerance;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const onEdge = closestOnSegment([lon, lat], ring[i], ring[i + 1]);
      const distance = point.distanceTo(map.latLngToContainerPoint([onEdge[1], onEdge[0]]));
      if (distance <= bestEdgeDistance) {
        bestEdgePoint = onEdge;
        bestEdgeDistance = distance;
      }
    }
  }
  return bestEdgePoint ?? [lon, lat];
}

/** Returns the point of segment a–b closest to p, treating longitude and latitude as planar. */
function closestOnSegment(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) {
    return a;
  }
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return [a[0] + t * dx, a[1] + t * dy];
}

package cn.hemeigrid.map;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.json.JsonMapper;

@RestController
class LayerController {

    /** Highest zoom accepted; zooms above 22, beyond any tile set, are drawn as at 22. */
    static final int MAX_ZOOM = 30;

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final LayerFeatures features;
    private final JsonMapper json;
    private final CurrentJurisdiction currentJurisdiction;

    LayerController(LayerFeatures features, JsonMapper json, CurrentJurisdiction currentJurisdiction) {
        this.features = features;
        this.json = json;
        this.currentJurisdiction = currentJurisdiction;
    }

    /**
     * Returns one layer's features inside the box as a GeoJSON FeatureCollection with an extra
     * member {@code truncated}: true when the zoom is below the layer's minimum or more
     * features than one response carries lie in the box. Without a zoom nothing is simplified.
     * Facilities are limited to the caller's jurisdiction, as {@link LayerFeatures} explains.
     */
    @GetMapping("/api/v1/layers/{layer}")
    ResponseEntity<String> layer(@PathVariable String layer,
                                 @RequestParam String bbox,
                                 @RequestParam(required = false) Integer zoom) {
        MapLayer mapLayer = MapLayer.fromPath(layer)
                .orElseThrow(() -> RejectedRequestException.badRequest("layer.unknown", layer));
        BoundingBox box = BoundingBox.parse(bbox);
        if (zoom != null && (zoom < 0 || zoom > MAX_ZOOM)) {
            throw RejectedRequestException.badRequest("layer.zoom-invalid", MAX_ZOOM, zoom);
        }
        int effectiveZoom = zoom == null ? 22 : Math.max(0, Math.min(22, zoom));

        List<LayerFeatures.Feature> found = List.of();
        boolean truncated = effectiveZoom < mapLayer.minZoom();
        if (!truncated) {
            found = features.read(mapLayer, currentJurisdiction.get(), box, toleranceDegrees(zoom),
                    mapLayer.maxFeatures() + 1);
            truncated = found.size() > mapLayer.maxFeatures();
            if (truncated) {
                found = found.subList(0, mapLayer.maxFeatures());
            }
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(featureCollection(found, truncated));
    }

    /** Half a screen pixel at the zoom, in degrees of longitude; 0 when no zoom was given. */
    private static double toleranceDegrees(Integer zoom) {
        if (zoom == null) {
            return 0;
        }
        return 0.5 * 360.0 / (256.0 * Math.pow(2, Math.max(0, Math.min(22, zoom))));
    }

    private String featureCollection(List<LayerFeatures.Feature> found, boolean truncated) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"truncated\":")
                .append(truncated)
                .append(",\"features\":[");
        for (int i = 0; i < found.size(); i++) {
            LayerFeatures.Feature feature = found.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"type\":\"Feature\",\"geometry\":").append(feature.geometryJson())
                    .append(",\"properties\":").append(json.writeValueAsString(feature.properties())).append('}');
        }
        return out.append("]}").toString();
    }
}

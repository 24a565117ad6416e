package cn.hemeigrid.map;

import java.util.Arrays;
import java.util.Optional;

/**
 * The layers the map loads for its visible area, each with the lowest zoom at which it is
 * sent and the maximum number of features one response carries. Below that zoom, or above
 * that count, the response is marked truncated and the page asks the user to zoom in.
 */
enum MapLayer {
    COUNTIES("counties", 0, 50),
    TOWNSHIPS("townships", 0, 500),
    VILLAGES("villages", 10, 2000),
    GRIDS("grids", 12, 4000),
    FACILITIES("facilities", 13, 2000);

    private final String path;
    private final int minZoom;
    private final int maxFeatures;

    MapLayer(String path, int minZoom, int maxFeatures) {
        this.path = path;
        this.minZoom = minZoom;
        this.maxFeatures = maxFeatures;
    }

    int minZoom() {
        return minZoom;
    }

    int maxFeatures() {
        return maxFeatures;
    }

    static Optional<MapLayer> fromPath(String path) {
        return Arrays.stream(values()).filter(layer -> layer.path.equals(path)).findFirst();
    }
}

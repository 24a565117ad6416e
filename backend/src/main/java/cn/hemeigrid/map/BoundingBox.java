package cn.hemeigrid.map;

import cn.hemeigrid.system.RejectedRequestException;

/** A longitude/latitude box in CGCS2000, as Leaflet's map bounds send it. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /**
     * Parses {@code minLon,minLat,maxLon,maxLat}.
     *
     * @throws RejectedRequestException 400 unless there are four finite numbers on the globe
     *                                  with each minimum below its maximum
     */
    public static BoundingBox parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 4) {
            throw RejectedRequestException.badRequest("bbox.invalid", text);
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException notANumber) {
                throw RejectedRequestException.badRequest("bbox.invalid", text);
            }
            if (!Double.isFinite(values[i])) {
                throw RejectedRequestException.badRequest("bbox.invalid", text);
            }
        }
        BoundingBox box = new BoundingBox(values[0], values[1], values[2], values[3]);
        boolean onGlobe = box.minLon >= -180 && box.maxLon <= 180 && box.minLat >= -90 && box.maxLat <= 90;
        if (!onGlobe || box.minLon >= box.maxLon || box.minLat >= box.maxLat) {
            throw RejectedRequestException.badRequest("bbox.invalid", text);
        }
        return box;
    }
}

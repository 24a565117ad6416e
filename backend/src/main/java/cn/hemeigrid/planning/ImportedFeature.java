package cn.hemeigrid.planning;

import tools.jackson.databind.JsonNode;

/**
 * One grid read from an imported file, before any check. Text values are stripped, and blank
 * ones are null.
 *
 * @param index    the feature's position in the file, from 1 (for CSV the data row, not
 *                 counting the header)
 * @param geometry a GeoJSON geometry already converted to CGCS2000 longitude/latitude, or null
 *                 when the file has none
 * @param readError the problem kind of a WKT value that could not be read ({@code non-finite}
 *                  when it contains NaN or Infinity, else {@code wkt-unreadable}) or of KML
 *                  coordinates that are not numbers ({@code kml-coordinates-unreadable}). Null when read.
 */
record ImportedFeature(int index, String code, String name, String kind, String dedicatedType, String villageCode,
                       JsonNode geometry, String readError) {

    /** Returns how findings name this feature: its code, else its name, else {@code #index}. */
    String label() {
        if (code != null) {
            return code;
        }
        return name != null ? name : "#" + index;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

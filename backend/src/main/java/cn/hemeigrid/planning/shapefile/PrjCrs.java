package cn.hemeigrid.planning.shapefile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the coordinate reference system of a .prj file (WKT 1, in ESRI's or OGC's
 * flavour) as a value of the import's {@code crs} parameter: {@code cgcs2000}, {@code wgs84}
 * or {@code epsg:NNNN}. The Gauss-Krüger systems of CGCS2000 are recognised by name, because
 * ESRI's .prj files carry no EPSG code: 3-degree zones 25–45 are EPSG:4513–4533, 3-degree
 * central meridians 75°E–135°E are EPSG:4534–4554, 6-degree zones 13–23 are EPSG:4491–4501
 * and 6-degree central meridians 75°E–135°E are EPSG:4502–4512.
 */
public final class PrjCrs {

    /** ESRI's WKT of EPSG:4490, the .prj that ArcGIS writes for CGCS2000 longitude/latitude. */
    public static final String CGCS2000_PRJ = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\"?([0-9]{4,6})\"?\\]");
    private static final Pattern NAME = Pattern.compile("^\\s*(PROJCS|GEOGCS)\\[\"([^\"]*)\"");
    private static final Pattern THREE_DEGREE_ZONE = Pattern.compile("CGCS2000_3_DEGREE_(GK|GAUSS_KRUGER)_ZONE_([0-9]+)");
    private static final Pattern THREE_DEGREE_CM = Pattern.compile("CGCS2000_3_DEGREE_(GK|GAUSS_KRUGER)_CM_([0-9]+)E");
    private static final Pattern SIX_DEGREE_ZONE = Pattern.compile("CGCS2000_(GK|GAUSS_KRUGER)_ZONE_([0-9]+)");
    private static final Pattern SIX_DEGREE_CM = Pattern.compile("CGCS2000_(GK|GAUSS_KRUGER)_CM_([0-9]+)E");
    private static final Pattern UTM_NORTH = Pattern.compile("WGS_(1984|84)_UTM_ZONE_([0-9]+)N");

    private PrjCrs() {
    }

    /** Returns the system's {@code crs} value, or empty when the .prj names none of those above. */
    public static Optional<String> recognise(String prj) {
        if (prj == null || prj.isBlank()) {
            return Optional.empty();
        }
        Matcher nameMatch = NAME.matcher(prj);
        if (!nameMatch.find()) {
            return Optional.empty();
        }
        // In WKT 1 the system's own AUTHORITY is its last element, after those of its datum and base system.
        Matcher authority = AUTHORITY.matcher(prj.toUpperCase(Locale.ROOT));
        String epsg = null;
        while (authority.find()) {
            epsg = authority.group(1);
        }
        if (epsg != null) {
            return Optional.of(epsg.equals("4490") ? "cgcs2000" : epsg.equals("4326") ? "wgs84" : "epsg:" + epsg);
        }

        String name = nameMatch.group(2).toUpperCase(Locale.ROOT).replace('Ü', 'U').replaceAll("[^A-Z0-9]+", "_");
        if (nameMatch.group(1).equals("GEOGCS")) {
            return geographic(name);
        }
        return numbered(THREE_DEGREE_ZONE, name, 25, 45, 1, 4513)
                .or(() -> numbered(THREE_DEGREE_CM, name, 75, 135, 3, 4534))
                .or(() -> numbered(SIX_DEGREE_ZONE, name, 13, 23, 1, 4491))
                .or(() -> numbered(SIX_DEGREE_CM, name, 75, 135, 6, 4502))
                .or(() -> numbered(UTM_NORTH, name, 1, 60, 1, 32601));
    }

    private static Optional<String> geographic(String name) {
        if (name.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000") || name.contains("CGCS2000")
                || name.contains("CHINA_2000")) {
            return Optional.of("cgcs2000");
        }
        if (name.contains("WGS_1984") || name.contains("WGS_84")) {
            return Optional.of("wgs84");
        }
        return Optional.empty();
    }

    /** Maps a zone or central meridian from {@code first} to {@code last} in steps of {@code step} onto consecutive codes. */
    private static Optional<String> numbered(Pattern pattern, String name, int first, int last, int step, int firstCode) {
        Matcher matcher = pattern.matcher(name);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(matcher.group(2));
        if (number < first || number > last || (number - first) % step != 0) {
            return Optional.empty();
        }
        return Optional.of("epsg:" + (firstCode + (number - first) / step));
    }
}

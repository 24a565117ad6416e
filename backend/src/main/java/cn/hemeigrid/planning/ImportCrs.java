package cn.hemeigrid.planning;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

import cn.hemeigrid.geo.CoordinateSystem;
import cn.hemeigrid.geo.GaussKruger;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * The coordinate reference system of an imported file, as a conversion of one position to
 * CGCS2000 longitude/latitude. The four lon/lat systems use {@link CoordinateSystem}, EPSG:4547
 * uses {@link GaussKruger}, and any other {@code epsg:NNNN} code uses proj4j's EPSG table.
 * Instances are not thread-safe (proj4j transforms are not), so create one per import.
 */
record ImportCrs(String code, boolean lonLat, UnaryOperator<Coordinate> toCgcs2000) {

    /**
     * Parses the {@code crs} request parameter. Null or blank means CGCS2000.
     *
     * @throws RejectedRequestException 400 for an unknown system or EPSG code
     */
    static ImportCrs parse(String text) {
        String code = text == null || text.isBlank() ? "cgcs2000" : text.strip().toLowerCase(Locale.ROOT);
        Optional<CoordinateSystem> system = CoordinateSystem.fromCode(code);
        if (system.isPresent()) {
            return lonLat(code, system.get());
        }
        if (!code.matches("epsg:[0-9]{4,6}")) {
            throw RejectedRequestException.badRequest("planning.import.crs-unknown", text);
        }
        return switch (code) {
            case "epsg:4490" -> lonLat(code, CoordinateSystem.CGCS2000);
            case "epsg:4326" -> lonLat(code, CoordinateSystem.WGS84);
            case "epsg:4547" -> {
                GaussKruger gaussKruger = new GaussKruger();
                yield new ImportCrs(code, false, gaussKruger::unproject);
            }
            default -> fromEpsg(code, text);
        };
    }

    private static ImportCrs lonLat(String code, CoordinateSystem system) {
        return new ImportCrs(code, true, c -> {
            LonLat converted = system.toCgcs2000(new LonLat(c.x, c.y));
            return new Coordinate(converted.lon(), converted.lat());
        });
    }

    private static ImportCrs fromEpsg(String code, String text) {
        CoordinateTransform transform;
        try {
            CRSFactory factory = new CRSFactory();
            transform = new CoordinateTransformFactory().createTransform(
                    factory.createFromName(code.toUpperCase(Locale.ROOT)), factory.createFromName("EPSG:4490"));
        } catch (Proj4jException | IllegalStateException unknown) {
            throw RejectedRequestException.badRequest("planning.import.crs-unknown", text);
        }
        // proj4j reports a geographic system in degrees, so lon/lat files keep the swapped-axes check.
        boolean geographic = transform.getSourceCRS().getProjection().isGeographic();
        return new ImportCrs(code, geographic, c -> {
            try {
                ProjCoordinate out = transform.transform(new ProjCoordinate(c.x, c.y), new ProjCoordinate());
                return new Coordinate(out.x, out.y);
            } catch (Proj4jException outsideProjection) {
                // The unconverted position then fails the range check and names the feature.
                return c;
            }
        });
    }
}

package cn.hemeigrid.planning.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrjCrsTest {

    @Test
    void esriGaussKrugerNamesRecognised() {
        assertThat(PrjCrs.recognise(projected("CGCS2000_3_Degree_GK_CM_114E"))).hasValue("epsg:4547");
        assertThat(PrjCrs.recognise(projected("CGCS2000_3_Degree_GK_Zone_38"))).hasValue("epsg:4526");
        assertThat(PrjCrs.recognise(projected("CGCS2000_GK_Zone_19"))).hasValue("epsg:4497");
        assertThat(PrjCrs.recognise(projected("CGCS2000_GK_CM_117E"))).hasValue("epsg:4509");
        assertThat(PrjCrs.recognise(projected("WGS_1984_UTM_Zone_49N"))).hasValue("epsg:32649");
    }

    @Test
    void geographicSystemsRecognised() {
        assertThat(PrjCrs.recognise(PrjCrs.CGCS2000_PRJ)).hasValue("cgcs2000");
        assertThat(PrjCrs.recognise("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"))
                .hasValue("wgs84");
    }

    @Test
    void lastAuthorityWins() {
        String ogc = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\",GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],AUTHORITY[\"EPSG\",\"4547\"]]";

        assertThat(PrjCrs.recognise(ogc)).hasValue("epsg:4547");
    }

    @Test
    void unknownSystemsEmpty() {
        assertThat(PrjCrs.recognise(projected("Xian_1980_3_Degree_GK_CM_114E"))).isEmpty();
        assertThat(PrjCrs.recognise(projected("CGCS2000_3_Degree_GK_CM_113E"))).isEmpty();
        assertThat(PrjCrs.recognise("")).isEmpty();
        assertThat(PrjCrs.recognise("not wkt")).isEmpty();
    }

    private static String projected(String name) {
        return "PROJCS[\"" + name + "\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\"],"
                + "PROJECTION[\"Gauss_Kruger\"],UNIT[\"Meter\",1.0]]";
    }
}

package cn.hemeigrid.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Base map settings.
 *
 * @param tileUrl         Leaflet tile URL template ({z}/{x}/{y}); empty for no base map, in
 *                        which case the pages make no outside requests
 * @param tileAttribution attribution text the base map's licence requires
 */
@ConfigurationProperties("hemei.map")
public record MapProperties(String tileUrl, String tileAttribution) {

    public MapProperties {
        tileUrl = tileUrl == null ? "" : tileUrl.trim();
        tileAttribution = tileAttribution == null ? "" : tileAttribution.trim();
    }
}

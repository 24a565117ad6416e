package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.GeoJson;

/**
 * Writes findings as a GeoJSON FeatureCollection the planning page can draw. Each feature's
 * geometry is the place to highlight, or null when there is none. Its properties are the
 * kind, severity, message in the request's language, feature name and area in m².
 */
@Component
class FindingFeatures {

    private final MessageSource messages;

    FindingFeatures(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> of(List<Finding> findings) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> features = new ArrayList<>();
        for (Finding finding : findings) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", finding.kind().code());
            properties.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            properties.put("message", messages.getMessage(finding.kind().messageKey(),
                    plain(finding.arguments()), locale));
            properties.put("feature", finding.feature());
            properties.put("areaSquareMetres", finding.areaSquareMetres() == null
                    ? null
                    : Math.round(finding.areaSquareMetres() * 10) / 10.0);
            features.add(GeoJson.feature(finding.location(), properties));
        }
        return GeoJson.featureCollection(features);
    }

    /** Renders numbers as typed, not with MessageFormat's rounding and grouping. */
    private static Object[] plain(List<Object> arguments) {
        return arguments.stream().map(a -> a instanceof Number ? String.valueOf(a) : a).toArray();
    }
}

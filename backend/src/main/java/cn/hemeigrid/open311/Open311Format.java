package cn.hemeigrid.open311;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * The two response formats of GeoReport v2, chosen by the extension of the path
 * ({@code services.json}, {@code services.xml}).
 *
 * <p>JSON documents are bare arrays of snake_case objects. XML documents wrap the same items
 * in a root element with one child per item ({@code <services><service>...}), and nested
 * lists get a wrapper element with one child per entry ({@code <attributes><attribute>...}),
 * as the specification's examples show.
 */
enum Open311Format {
    JSON(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8));

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    // Jackson 3.1 unwraps a root ObjectNode with a single property by default, which would drop
    // the root element of a list document, so the root name is set on each write instead. It
    // also writes null as xsi:nil by default; the specification's examples use empty elements.
    private static final XmlMapper XML_MAPPER = XmlMapper.builder()
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .disable(XmlWriteFeature.UNWRAP_ROOT_OBJECT_NODE)
            .disable(XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL)
            .build();

    /** Element names of the entries of nested lists in XML. */
    private static final Map<String, String> XML_ENTRY_NAMES = Map.of(
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Optional<Open311Format> fromExtension(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** Writes a list document: a JSON array, or XML {@code <root><item/>...</root>}. */
    String writeList(List<?> items, String xmlRoot, String xmlItem) {
        if (this == JSON) {
            return JSON_MAPPER.writeValueAsString(items);
        }
        ObjectNode root = JSON_MAPPER.createObjectNode();
        ArrayNode children = root.putArray(xmlItem);
        for (Object item : items) {
            children.add(wrapNestedLists(JSON_MAPPER.valueToTree(item)));
        }
        return XML_MAPPER.writer().withRootName(xmlRoot).writeValueAsString(root);
    }

    /** Writes a single document: a JSON object, or XML {@code <root>...</root>}. */
    String writeObject(Object value, String xmlRoot) {
        if (this == JSON) {
            return JSON_MAPPER.writeValueAsString(value);
        }
        JsonNode tree = wrapNestedLists(JSON_MAPPER.valueToTree(value));
        return XML_MAPPER.writer().withRootName(xmlRoot).writeValueAsString(tree);
    }

    /** Turns {@code "attributes": [a, b]} into {@code "attributes": {"attribute": [a, b]}}, recursively. */
    private static JsonNode wrapNestedLists(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        for (String name : List.copyOf(object.propertyNames())) {
            JsonNode child = object.get(name);
            if (child.isArray() && XML_ENTRY_NAMES.containsKey(name)) {
                ArrayNode entries = JSON_MAPPER.createArrayNode();
                child.forEach(entry -> entries.add(wrapNestedLists(entry)));
                ObjectNode wrapper = JSON_MAPPER.createObjectNode();
                wrapper.set(XML_ENTRY_NAMES.get(name), entries);
                object.set(name, wrapper);
            } else {
                object.set(name, wrapNestedLists(child));
            }
        }
        return object;
    }
}

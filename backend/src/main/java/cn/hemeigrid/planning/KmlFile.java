package cn.hemeigrid.planning;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes grids as KML 2.2 Placemarks. KML positions are WGS84 longitude/latitude,
 * which for grid work equals CGCS2000 to well under a metre, so shapes are written as stored.
 * The attributes are ExtendedData {@code Data} (or {@code SchemaData/SimpleData}) named
 * {@code code}, {@code name}, {@code kind}, {@code dedicatedType} and {@code villageCode}, and
 * the Placemark's {@code name} is used when ExtendedData has no {@code name}.
 */
final class KmlFile {

    static final String NAMESPACE = "http://www.opengis.net/kml/2.2";

    /** Values of the {@code crs} parameter that mean WGS84 or CGCS2000 longitude/latitude. */
    static final Set<String> LON_LAT_CRS = Set.of("cgcs2000", "wgs84", "epsg:4490", "epsg:4326");

    private static final List<String> ATTRIBUTES = List.of("code", "name", "kind", "dedicatedType", "villageCode");

    private KmlFile() {
    }

    /**
     * Reads every Placemark as one feature, whose geometry is its Polygon, or a MultiPolygon
     * when it has several Polygons (as in a MultiGeometry). Positions are not converted.
     *
     * @throws RejectedRequestException 400 for XML that cannot be parsed, a DOCTYPE (which
     *                                  also rejects external entities), or a root other than {@code kml}
     */
    static List<ImportedFeature> read(String text) {
        Element root = parse(text).getDocumentElement();
        if (!"kml".equals(root.getLocalName())) {
            throw RejectedRequestException.badRequest("planning.import.kml-unreadable");
        }
        List<ImportedFeature> features = new ArrayList<>();
        NodeList placemarks = root.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            features.add(feature(i + 1, (Element) placemarks.item(i)));
        }
        return features;
    }

    private static Document parse(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A DOCTYPE is the only way to declare entities, so rejecting it rules out XXE and entity expansion.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ThrowingErrorHandler());
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXException | IOException unreadable) {
            throw RejectedRequestException.badRequest("planning.import.kml-unreadable");
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException("The JDK XML parser does not support secure processing", impossible);
        }
    }

    private static ImportedFeature feature(int index, Element placemark) {
        Map<String, String> values = extendedData(placemark);
        if (values.get("name") == null) {
            values.put("name", ImportedFeature.text(childText(placemark, "name")));
        }

        List<Element> polygons = elements(placemark, "Polygon");
        ObjectNode geometry = null;
        String readError = null;
        if (polygons.isEmpty()) {
            String otherType = firstGeometryType(placemark);
            if (otherType != null) {
                geometry = JsonNodeFactory.instance.objectNode().put("type", otherType);
                geometry.putArray("coordinates");
            }
        } else {
            try {
                geometry = geoJson(polygons);
            } catch (NumberFormatException unreadable) {
                readError = "kml-coordinates-unreadable";
            }
        }
        return new ImportedFeature(index, values.get("code"), values.get("name"), values.get("kind"),
                values.get("dedicatedType"), values.get("villageCode"), geometry, readError);
    }

    /** Reads {@code Data/value} and {@code SimpleData} by their {@code name} attribute. */
    private static Map<String, String> extendedData(Element placemark) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element data : elements(placemark, "Data")) {
            putAttribute(values, data.getAttribute("name"), childText(data, "value"));
        }
        for (Element data : elements(placemark, "SimpleData")) {
            putAttribute(values, data.getAttribute("name"), data.getTextContent());
        }
        return values;
    }

    private static void putAttribute(Map<String, String> values, String name, String value) {
        if (ATTRIBUTES.contains(name) && values.get(name) == null) {
            values.put(name, ImportedFeature.text(value));
        }
    }

    private static String firstGeometryType(Element placemark) {
        for (String type : List.of("Point", "LineString", "LinearRing", "Model", "Track")) {
            if (!elements(placemark, type).isEmpty()) {
                return type;
            }
        }
        return null;
    }

    private static ObjectNode geoJson(List<Element> polygons) {
        ObjectNode geometry = JsonNodeFactory.instance.objectNode()
                .put("type", polygons.size() == 1 ? "Polygon" : "MultiPolygon");
        ArrayNode coordinates = geometry.putArray("coordinates");
        if (polygons.size() == 1) {
            addRings(coordinates, polygons.get(0));
        } else {
            for (Element polygon : polygons) {
                addRings(coordinates.addArray(), polygon);
            }
        }
        return geometry;
    }

    private static void addRings(ArrayNode rings, Element polygon) {
        for (Element boundary : elements(polygon, "outerBoundaryIs")) {
            addRing(rings, boundary);
        }
        for (Element boundary : elements(polygon, "innerBoundaryIs")) {
            addRing(rings, boundary);
        }
    }

    /**
     * Adds the positions of a boundary's {@code LinearRing}. KML writes a position as
     * {@code lon,lat[,alt]} and separates positions by whitespace, and the altitude is dropped.
     *
     * @throws NumberFormatException for a position that is not two or three numbers
     */
    private static void addRing(ArrayNode rings, Element boundary) {
        ArrayNode ring = rings.addArray();
        String text = childText(boundary, "coordinates");
        if (text == null || text.isBlank()) {
            return;
        }
        for (String tuple : text.strip().split("\\s+")) {
            String[] ordinates = tuple.split(",");
            if (ordinates.length < 2 || ordinates.length > 3) {
                throw new NumberFormatException("Invalid KML position: " + tuple);
            }
            ring.addArray().add(Double.parseDouble(ordinates[0])).add(Double.parseDouble(ordinates[1]));
        }
    }

    /** Returns the descendant elements of a local name, in any namespace. */
    private static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> found = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** Returns the text of the first descendant of a local name, or null when there is none. */
    private static String childText(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        List<Element> deeper = elements(parent, localName);
        return deeper.isEmpty() ? null : deeper.get(0).getTextContent();
    }

    /** Writes the grids as a KML Document of Placemarks, each with its attributes as ExtendedData. */
    static String write(List<GridExport.ExportedGrid> grids, String unitCode, Instant asOf) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("Document");
            textElement(xml, "name", "grids-" + unitCode + (asOf == null ? "" : " " + asOf));
            WKTReader wkt = new WKTReader();
            for (GridExport.ExportedGrid grid : grids) {
                writePlacemark(xml, grid, wkt.read(grid.geometry()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException | ParseException impossible) {
            throw new IllegalStateException("Failed to write KML for unit " + unitCode, impossible);
        }
        return out.toString();
    }

    private static void writePlacemark(XMLStreamWriter xml, GridExport.ExportedGrid grid, Geometry shape)
            throws XMLStreamException {
        xml.writeStartElement("Placemark");
        textElement(xml, "name", grid.name());
        xml.writeStartElement("ExtendedData");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", grid.code());
        values.put("name", grid.name());
        values.put("kind", grid.kind());
        values.put("dedicatedType", grid.dedicatedType());
        values.put("villageCode", grid.villageCode());
        values.put("version", grid.version());
        values.put("source", grid.source());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getValue() != null) {
                xml.writeStartElement("Data");
                xml.writeAttribute("name", value.getKey());
                textElement(xml, "value", value.getValue().toString());
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();

        boolean multi = shape.getNumGeometries() > 1;
        if (multi) {
            xml.writeStartElement("MultiGeometry");
        }
        for (int p = 0; p < shape.getNumGeometries(); p++) {
            writePolygon(xml, (Polygon) shape.getGeometryN(p));
        }
        if (multi) {
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void writePolygon(XMLStreamWriter xml, Polygon polygon) throws XMLStreamException {
        xml.writeStartElement("Polygon");
        writeBoundary(xml, "outerBoundaryIs", polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            writeBoundary(xml, "innerBoundaryIs", polygon.getInteriorRingN(h));
        }
        xml.writeEndElement();
    }

    private static void writeBoundary(XMLStreamWriter xml, String boundary, LineString ring)
            throws XMLStreamException {
        StringBuilder positions = new StringBuilder();
        for (Coordinate c : ring.getCoordinates()) {
            positions.append(positions.isEmpty() ? "" : " ")
                    .append(String.format(Locale.ROOT, "%.7f,%.7f", c.x, c.y));
        }
        xml.writeStartElement(boundary);
        xml.writeStartElement("LinearRing");
        textElement(xml, "coordinates", positions.toString());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    /** Turns parser warnings and errors into exceptions, so nothing is printed to stderr. */
    private static final class ThrowingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}

package cn.hemeigrid.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestCity;
import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 in JSON and XML, as a client written to the specification calls it:
 * form-encoded posts, format extensions, and error lists instead of problem details.
 */
@PostgisTest
class Open311ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        TestCity.insert(jdbc);
        api = new ApiClient(port);
    }

    @Test
    void servicesListCatalogueInBothFormats() throws Exception {
        ApiClient.Response json = api.get("/open311/v2/services.json");
        ApiClient.Response xml = api.get("/open311/v2/services.xml");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode service = find(json.json(), "service_code", "0501");
        assertThat(service.get("service_name").asString()).isEqualTo("占道经营");
        assertThat(service.get("metadata").asBoolean()).isTrue();
        assertThat(service.get("type").asString()).isEqualTo("realtime");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        assertThat(xml.text()).startsWith("<?xml").contains("encoding='UTF-8'");
        Document document = parse(xml.text());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(document.getElementsByTagName("service").getLength()).isEqualTo(json.json().size());
        assertThat(text(document, "service_code")).isEqualTo(json.json().get(0).get("service_code").asString());
    }

    @Test
    void serviceDefinitionHasUrgencyValues() throws Exception {
        JsonNode json = api.get("/open311/v2/services/0501.json").json();
        Document xml = parse(api.get("/open311/v2/services/0501.xml").text());

        assertThat(json.get("service_code").asString()).isEqualTo("0501");
        JsonNode attribute = json.get("attributes").get(0);
        assertThat(attribute.get("code").asString()).isEqualTo("urgency");
        assertThat(attribute.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(attribute.get("values").get(1).get("key").asString()).isEqualTo("urgent");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(xml.getElementsByTagName("attributes").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("attribute").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("value").getLength()).isEqualTo(2);
        assertThat(text(xml, "key")).isEqualTo("ordinary");
    }

    @Test
    void discoveryListsEndpointAndFormats() throws Exception {
        JsonNode json = api.get("/open311/v2/discovery.json").json();
        Document xml = parse(api.get("/open311/v2/discovery.xml").text());

        JsonNode endpoint = json.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");
        assertThat(xml.getElementsByTagName("endpoint").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("format").getLength()).isEqualTo(2);
    }

    @Test
    void postedRequestCanBeReadBack() {
        ApiClient.Response posted = api.postForm("/open311/v2/requests.json", form());

        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        JsonNode created = posted.json().get(0);
        String id = created.get("service_request_id").asString();
        String token = created.get("token").asString();
        assertThat(created.get("service_notice").asString()).contains(token);

        JsonNode request = api.get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("status_notes").asString()).isEqualTo("已上报（reported）");
        assertThat(request.get("service_code").asString()).isEqualTo("0501");
        assertThat(request.get("agency_responsible").asString()).isEqualTo("城市管理和综合执法局");
        assertThat(request.get("lat").asDouble()).isEqualTo(36.1);
        assertThat(request.get("long").asDouble()).isEqualTo(95.1);
        assertThat(request.get("media_url").asString()).isEqualTo("https://example.org/photo/1.jpg");
        assertThat(request.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(request.toString()).doesNotContain("13900000000", token);
        JsonNode tokenResult = api.get("/open311/v2/tokens/" + token + ".json").json().get(0);
        assertThat(tokenResult.get("service_request_id").asString()).isEqualTo(id);
        String storedChannel = jdbc.sql("SELECT channel || '/' || urgency FROM incident WHERE id = ?")
                .param(Long.parseLong(id)).query(String.class).single();
        assertThat(storedChannel).isEqualTo("open311/urgent");
    }

    @Test
    void postedRequestInXml() throws Exception {
        ApiClient.Response posted = api.postForm("/open311/v2/requests.xml", form());

        assertThat(posted.status()).isEqualTo(200);
        Document document = parse(posted.text());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("service_requests");
        String id = text(document, "service_request_id");
        Document read = parse(api.get("/open311/v2/requests/" + id + ".xml").text());
        assertThat(text(read, "status")).isEqualTo("open");
        assertThat(text(read, "service_name")).isEqualTo("占道经营");
    }

    @Test
    void closedRequestMapsWorkflowState() {
        String id = api.postForm("/open311/v2/requests.json", form()).json().get(0).get("service_request_id").asString();
        for (String action : new String[] {"accept", "dispatch", "start_handling", "mark_handled", "close"}) {
            api.postJson("/api/v1/incidents/" + id + "/transitions",
                    "{\"action\":\"" + action + "\",\"actor\":\"王调度\",\"note\":\"已处理\"}");
        }

        JsonNode closed = api.get("/open311/v2/requests.json?status=closed&service_request_id=" + id).json();
        JsonNode openOnly = api.get("/open311/v2/requests.json?status=open&service_code=0501").json();

        assertThat(closed.get(0).get("status").asString()).isEqualTo("closed");
        assertThat(closed.get(0).get("status_notes").asString()).isEqualTo("核查结案（closed）");
        openOnly.forEach(request -> assertThat(request.get("status").asString()).isEqualTo("open"));
        openOnly.forEach(request -> assertThat(request.get("service_request_id").asString()).isNotEqualTo(id));
    }

    @Test
    void missingApiKeyIsForbidden() throws Exception {
        Map<String, String> noKey = form();
        noKey.remove("api_key");

        ApiClient.Response json = api.postForm("/open311/v2/requests.json", noKey);
        ApiClient.Response xml = api.postForm("/open311/v2/requests.xml", noKey);

        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(json.json().get(0).get("description").asString()).contains("api_key");
        assertThat(xml.status()).isEqualTo(403);
        Document errors = parse(xml.text());
        assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(text(errors, "code")).isEqualTo("403");
    }

    @Test
    void errorsUseOpen311Shape() {
        ApiClient.Response unknown = api.get("/open311/v2/requests/999999999.json");
        ApiClient.Response badDate = api.get("/open311/v2/requests.json?start_date=yesterday");
        ApiClient.Response badFormat = api.get("/open311/v2/services.csv");
        Map<String, String> addressOnly = form();
        addressOnly.remove("lat");
        addressOnly.remove("long");
        addressOnly.put("address_string", "惠城区江北");
        ApiClient.Response noPoint = api.postForm("/open311/v2/requests.json", addressOnly, "Accept-Language", "en");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get(0).get("description").asString()).contains("yesterday");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(noPoint.status()).isEqualTo(400);
        assertThat(noPoint.json().get(0).get("description").asString()).contains("lat and long");
    }

    @Test
    void otherApisStayJson() {
        ApiClient.Response categories = api.get("/api/v1/categories");
        ApiClient.Response problem = api.get("/api/v1/incidents/ZZZZZZZZZZZZZZZZ");

        assertThat(categories.contentType()).startsWith("application/json");
        assertThat(problem.contentType()).startsWith("application/problem+json");
    }

    private static Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "test-key");
        form.put("service_code", "0501");
        form.put("lat", "36.1");
        form.put("long", "95.1");
        form.put("description", "路口有流动摊贩占道经营。");
        form.put("attribute[urgency]", "urgent");
        form.put("phone", "13900000000");
        form.put("media_url", "https://example.org/photo/1.jpg");
        return form;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + "=" + value + " in " + array);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Document document, String tag) {
        return document.getElementsByTagName(tag).item(0).getTextContent();
    }
}

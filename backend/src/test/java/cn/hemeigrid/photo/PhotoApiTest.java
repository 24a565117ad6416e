package cn.hemeigrid.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestReports;
import tools.jackson.databind.JsonNode;

/** Upload, content check, storage names and download of photos, and photos linked to a report. */
@PostgisTest
class PhotoApiTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    @LocalServerPort
    int port;

    @Autowired
    PhotoProperties properties;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void jpegUploadedAndServedBack() {
        ApiClient.Response uploaded = upload("现场.jpg", "image/jpeg", JPEG);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String ref = uploaded.json().get("ref").asString();
        assertThat(ref).matches("/api/v1/photos/[0-9a-f]{32}\\.jpg");
        assertThat(uploaded.json().get("contentType").asString()).isEqualTo("image/jpeg");

        ApiClient.Response served = api.get(ref);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void pngAndWebpDetectedByContent() {
        ApiClient.Response png = upload("photo.jpg", "image/jpeg", PNG);
        ApiClient.Response webp = upload("photo", "application/octet-stream", WEBP);

        assertThat(png.json().get("ref").asString()).endsWith(".png");
        assertThat(png.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(webp.json().get("ref").asString()).endsWith(".webp");
        assertThat(webp.json().get("contentType").asString()).isEqualTo("image/webp");
    }

    @Test
    void renamedExecutableIsRejected() {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

        ApiClient.Response response = upload("photo.jpg", "image/jpeg", executable);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asString()).contains("只接受 JPEG、PNG 和 WebP");
    }

    @Test
    void htmlNamedJpgIsRejected() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response response = upload("photo.jpg", "image/jpeg", html);

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void emptyFileIsRejected() {
        ApiClient.Response response = upload("photo.jpg", "image/jpeg", new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("照片文件为空。");
    }

    @Test
    void oversizedPhotoStatesLimit() {
        byte[] large = new byte[(int) properties.maxSize().toBytes() + 1];
        System.arraycopy(JPEG, 0, large, 0, JPEG.length);

        ApiClient.Response response = upload("big.jpg", "image/jpeg", large);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("每张最多 5 MB");
    }

    @Test
    void requestFarOverLimitIsRejectedBeforeParsing() {
        byte[] huge = new byte[(int) properties.maxSize().toBytes() + 200 * 1024];

        ApiClient.Response response = upload("huge.jpg", "image/jpeg", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("KB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini", "C:\\photo.jpg",
            "photo\u0000.jpg", "%2e%2e%2fphoto.jpg", "a/b/c.jpg", ".htaccess", "照片.jpg"})
    void clientFileNameNeverBecomesPath(String fileName) throws IOException {
        Path folder = properties.dir().toAbsolutePath().normalize();
        List<Path> outsideBefore = filesBeside(folder);

        ApiClient.Response response = upload(fileName, "image/jpeg", JPEG);

        assertThat(response.status()).as(response.text()).isIn(201, 400);
        if (response.status() == 201) {
            String ref = response.json().get("ref").asString();
            assertThat(ref).matches("/api/v1/photos/[0-9a-f]{32}\\.jpg");
            assertThat(Files.isRegularFile(folder.resolve(ref.substring(ref.lastIndexOf('/') + 1)))).isTrue();
        }
        assertThat(filesBeside(folder)).isEqualTo(outsideBefore);
    }

    @Test
    void longFileNameIsIgnored() {
        ApiClient.Response response = upload("长".repeat(100) + ".jpg", "image/jpeg", JPEG);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("ref").asString()).matches("/api/v1/photos/[0-9a-f]{32}\\.jpg");
    }

    @Test
    void overlongPartHeaderIsRejectedInChinese() {
        ApiClient.Response response = upload("a".repeat(5000) + ".jpg", "image/jpeg", JPEG);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("上传");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "0123456789abcdef0123456789abcdef.exe",
            "0123456789abcdef0123456789abcdef.jpg", "..", "application.yml"})
    void downloadOfUnknownNameIsNotFound(String name) {
        ApiClient.Response response = api.get("/api/v1/photos/" + name);

        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.text()).doesNotContain("root:");
    }

    @Test
    void secondFilePartIsRejected() {
        byte[] one = Multipart.body("file", "a.jpg", "image/jpeg", JPEG);
        String two = new String(one, StandardCharsets.ISO_8859_1).replace("--" + Multipart.BOUNDARY + "--\r\n", "")
                + new String(Multipart.body("file", "b.jpg", "image/jpeg", JPEG), StandardCharsets.ISO_8859_1);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/photos"))
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(two.getBytes(StandardCharsets.ISO_8859_1)));

        ApiClient.Response response = api.send(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("只能上传一张照片");
    }

    @Test
    void uploadedPhotoLinkedToReport() {
        String ref = upload("现场.jpg", "image/jpeg", JPEG).json().get("ref").asString();
        Map<String, Object> report = TestReports.report("路口占道经营，附现场照片");
        report.put("photos", List.of(ref));

        JsonNode created = api.postJson("/api/v1/incidents", ApiClient.json(report)).json();

        String[] stored = jdbc.sql("SELECT array_to_string(photo_refs, ' ') FROM incident_transition WHERE incident_id = ? AND action = 'report'")
                .param(created.get("id").asLong()).query(String.class).single().split(" ");
        assertThat(stored).containsExactly(ref);
    }

    private ApiClient.Response upload(String fileName, String contentType, byte[] content) {
        return api.send(Multipart.upload("http://127.0.0.1:" + port + "/api/v1/photos", "file", fileName, contentType,
                content));
    }

    private static List<Path> filesBeside(Path folder) throws IOException {
        Path parent = folder.getParent();
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(file -> !file.startsWith(folder)).sorted().toList();
        }
    }
}

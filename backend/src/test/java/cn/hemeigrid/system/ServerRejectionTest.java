package cn.hemeigrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;

/**
 * Tests that requests Tomcat rejects before they reach Spring get problem details in Chinese (English on
 * request) instead of Tomcat's English HTML page. Malformed requests are written to a raw
 * socket, because an HTTP client library will not send them.
 */
@PostgisTest
class ServerRejectionTest {

    @LocalServerPort
    int port;

    @Test
    void encodedSlashAnswersChineseProblem() {
        ApiClient.Response response = new ApiClient(port).get("/api/v1/layers%2Fgrids");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("编码的斜杠（%2F）");
        assertThat(response.text()).doesNotContain("<html");
    }

    @Test
    void encodedSlashInEnglishOnRequest() {
        ApiClient.Response response = new ApiClient(port).get("/api/v1/layers%2Fgrids", "Accept-Language", "en");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("encoded slash (%2F)");
    }

    @Test
    void oversizedHeaderAnswersChineseProblem() {
        ApiClient.Response response = new ApiClient(port).get("/api/v1/categories", "X-Padding", "a".repeat(20_000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).startsWith("请求头过大");
    }

    @Test
    void badCharacterInTargetAnswersChineseProblem() throws IOException {
        String response = raw("GET /api/v1/categories?x=<a> HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("application/problem+json");
        assertThat(response).contains("请求格式无效");
        assertThat(response).doesNotContain("<html");
    }

    @Test
    void malformedRequestLineAnswersChineseProblem() throws IOException {
        String response = raw("GARBAGE\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("请求格式无效");
        assertThat(response).doesNotContain("<html");
    }

    @Test
    void spaceInPathAnswersChineseProblem() throws IOException {
        String response = raw("GET /api v1 HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("请求格式无效");
    }

    @Test
    void unknownHttpVersionAnswersChineseProblem() throws IOException {
        String response = raw("GET /api/v1/categories HTTP/9.9\r\nHost: localhost\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 505");
        assertThat(response).contains("请使用 HTTP/1.1");
    }

    @Test
    void malformedHeaderAnswersChineseProblem() throws IOException {
        String response = raw("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("请求格式无效");
    }

    @Test
    void applicationErrorsKeepTheirOwnBody() {
        ApiClient.Response response = new ApiClient(port).get("/api/v1/grids/999999999999999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).doesNotContain("server.rejected");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream output = socket.getOutputStream();
            output.write(request.getBytes(StandardCharsets.ISO_8859_1));
            output.flush();
            socket.shutdownOutput();
            InputStream input = socket.getInputStream();
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

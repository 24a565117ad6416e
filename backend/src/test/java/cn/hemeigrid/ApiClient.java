package cn.hemeigrid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the API tests, talking to the server the test started on loopback.
 * It keeps the session cookie and sends the XSRF-TOKEN cookie back as the X-XSRF-TOKEN header
 * on every unsafe request, as the pages do. {@code new ApiClient(port)} signs in as the test
 * administrator (created by {@link CleanDatabaseConfiguration}) before its first request.
 */
public final class ApiClient {

    public static final String TEST_ADMIN_LOGIN = "test-admin";
    public static final String TEST_ADMIN_PASSWORD = "test-admin-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String baseUrl;
    private String pendingLogin;
    private String pendingPassword;

    /** A client signed in as the test administrator, who may call every endpoint. */
    public ApiClient(int port) {
        this(port, TEST_ADMIN_LOGIN, TEST_ADMIN_PASSWORD);
    }

    private ApiClient(int port, String login, String password) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.pendingLogin = login;
        this.pendingPassword = password;
    }

    /** Creates a client without a session, like a resident's phone or a script. */
    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null, null);
    }

    /** Creates a client signed in with the given account; throws when the sign-in is rejected. */
    public static ApiClient signedIn(int port, String login, String password) {
        ApiClient client = new ApiClient(port, login, password);
        client.signInIfPending();
        return client;
    }

    public record Response(int status, String contentType, String text, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(text);
        }

        /** Returns the first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /**
     * Signs in with the form fields the sign-in page sends and returns the response, without
     * throwing on a rejection. The client keeps the new session when it succeeds.
     */
    public Response signIn(String login, String password) {
        pendingLogin = null;
        get("/api/v1/session");
        return postForm("/api/v1/session/sign-in", Map.of("loginName", login, "password", password));
    }

    public Response signOut() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session/sign-out"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Returns the server's address, e.g. http://127.0.0.1:8080, for building requests to pass to {@link #send}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Returns the value of a cookie the server set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** Forgets every cookie, as a browser does when it is closed. */
    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
    }

    /** Sends a GET request and returns the raw response, for binary downloads and response headers. */
    public HttpResponse<byte[]> getBytes(String path) {
        signInIfPending();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public Response postJson(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    /** Posts form fields as application/x-www-form-urlencoded, in the order given. */
    public Response postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    /**
     * Sends a request after signing in if needed. Unsafe requests get the X-XSRF-TOKEN header
     * from the cookie, unless the caller's headers already name it.
     */
    public Response send(HttpRequest.Builder request, String... headers) {
        signInIfPending();
        return sendAsIs(request, headers);
    }

    private Response sendAsIs(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpRequest built = request.build();
        boolean callerSetsToken = built.headers().firstValue("X-XSRF-TOKEN").isPresent();
        if (!SAFE_METHODS.contains(built.method()) && !callerSetsToken) {
            String token = cookie("XSRF-TOKEN");
            if (token == null) {
                sendAsIs(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session")).GET());
                token = cookie("XSRF-TOKEN");
            }
            if (token != null) {
                built = HttpRequest.newBuilder(built, (name, value) -> true).header("X-XSRF-TOKEN", token).build();
            }
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void signInIfPending() {
        if (pendingLogin == null) {
            return;
        }
        String login = pendingLogin;
        String password = pendingPassword;
        pendingLogin = null;
        pendingPassword = null;
        sendAsIs(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session")).GET());
        Response answer = postForm("/api/v1/session/sign-in", Map.of("loginName", login, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("Sign-in as " + login + " failed: " + answer.status() + " " + answer.text());
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}

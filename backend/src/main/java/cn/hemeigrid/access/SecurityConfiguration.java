package cn.hemeigrid.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session sign-in for staff, authorisation by role ({@link EndpointRules}), CSRF protection
 * for cookie sessions and the security headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String SIGN_IN_PATH = "/api/v1/session/sign-in";
    static final String SIGN_OUT_PATH = "/api/v1/session/sign-out";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, SignInHandlers handlers,
                                            SecurityProblems problems, Environment environment) throws Exception {
        http.authorizeHttpRequests(EndpointRules::apply)
                .formLogin(form -> form
                        .loginPage("/login.html")
                        .loginProcessingUrl(SIGN_IN_PATH)
                        .usernameParameter("loginName")
                        .passwordParameter("password")
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_OUT_PATH))
                        .logoutSuccessHandler(handlers)
                        .deleteCookies("SESSION")
                        .permitAll())
                .csrf(csrf -> csrf
                        .spa()
                        .ignoringRequestMatchers(residentRequestsWithoutSession()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                contentSecurityPolicy(environment.getProperty("hemei.map.tile-url", "")))))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new AccountRefreshFilter(accounts), AuthorizationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
        return http.build();
    }

    /**
     * Returns the requests exempt from the CSRF check. A CSRF attack makes a victim's browser
     * send a request that carries the victim's session cookie. These endpoints are open to
     * anonymous clients and never read the signed-in account, so a forged request can do
     * nothing its sender could not do directly. The exemption keeps phone apps and scripts that
     * post reports without cookies working. Open311 clients authenticate with their api_key
     * parameter, never with a cookie.
     */
    private static RequestMatcher residentRequestsWithoutSession() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                paths.matcher(HttpMethod.POST, "/api/v1/incidents"),
                paths.matcher(HttpMethod.POST, "/api/v1/incidents/*/followers"),
                paths.matcher(HttpMethod.POST, "/api/v1/incidents/nearby/*/followers"),
                paths.matcher(HttpMethod.POST, "/api/v1/incidents/*/rating"),
                paths.matcher(HttpMethod.POST, "/api/v1/photos"),
                paths.matcher("/open311/**"));
    }

    /**
     * Returns a policy that allows the pages' own scripts, styles and API calls, the base map
     * tiles of {@code hemei.map.tile-url}, and inline styles, because Leaflet and ECharts set
     * style attributes on the elements they create.
     */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileOrigin(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + (tiles.isEmpty() ? "" : " " + tiles)
                + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * Returns the scheme and host of a tile URL template for the img-src directive. A host with
     * a placeholder such as {s} or t{s} in its first label becomes a wildcard for that label.
     */
    static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        String template = tileUrl.strip();
        int schemeEnd = template.indexOf("://");
        if (schemeEnd < 0) {
            return "";
        }
        String scheme = template.substring(0, schemeEnd);
        String rest = template.substring(schemeEnd + 3);
        int pathStart = rest.indexOf('/');
        String host = pathStart < 0 ? rest : rest.substring(0, pathStart);
        if (host.contains("{")) {
            int dot = host.indexOf('.');
            if (dot < 0 || host.substring(dot).contains("{")) {
                return "";
            }
            host = "*" + host.substring(dot);
        }
        boolean plainHost = host.matches("[A-Za-z0-9*.:-]+") && scheme.matches("https?");
        return plainHost ? scheme + "://" + host : "";
    }

    /**
     * Sets the XSRF-TOKEN cookie on every response, so that a page can send its first unsafe
     * request without fetching a token first. Spring Security otherwise loads the token only
     * when something reads it.
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}

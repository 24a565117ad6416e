package cn.hemeigrid.open311;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open311 settings (prefix {@code hemei.open311}).
 *
 * @param apiKeys    keys that third-party clients send as {@code api_key} to post requests.
 *                   Empty means posting is closed; reading needs no key.
 * @param contact    contact line shown in the discovery document
 * @param keyService how a client obtains a key, shown in the discovery document
 */
@ConfigurationProperties("hemei.open311")
public record Open311Properties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue("") String contact,
        @DefaultValue("") String keyService) {

    public Open311Properties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(key -> !key.isBlank()).toList();
    }
}

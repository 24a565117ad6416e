package cn.hemeigrid.photo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Photo settings (prefix {@code hemei.photos}).
 *
 * @param dir     folder the photos are stored in, created when missing
 * @param maxSize largest photo accepted; the multipart limits in application.yml must allow it
 */
@ConfigurationProperties("hemei.photos")
public record PhotoProperties(@DefaultValue("photos") Path dir, @DefaultValue("5MB") DataSize maxSize) {
}

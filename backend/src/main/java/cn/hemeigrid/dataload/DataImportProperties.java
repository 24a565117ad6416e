package cn.hemeigrid.dataload;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hemei.data}.
 *
 * @param importOnStart load gis-data/ into the database on start-up when the database has no
 *     administrative units yet
 * @param dir a folder on disk with the four gis-data/ files, read instead of the copy built
 *     into the jar. Null means the built-in copy.
 * @param demoIncidents after a fresh import, add the generated demonstration incidents
 */
@ConfigurationProperties("hemei.data")
public record DataImportProperties(boolean importOnStart, Path dir, @DefaultValue("true") boolean demoIncidents) {
}

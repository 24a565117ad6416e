package cn.hemeigrid.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The photo folder. Every file gets a name the server makes up: 32 random hex digits and the
 * extension of its detected type. A name from a request is only ever matched against that
 * pattern, never joined to a path, so no request can reach a file outside the folder.
 */
@Component
class PhotoStore {

    static final Pattern STORED_NAME = Pattern.compile("([0-9a-f]{32})\\.(jpg|png|webp)");

    private static final Logger log = LoggerFactory.getLogger(PhotoStore.class);

    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    PhotoStore(PhotoProperties properties) {
        this.folder = properties.dir().toAbsolutePath().normalize();
    }

    record StoredPhoto(String name, ImageType type, Path file) {
    }

    /** Writes the content under a new name; the file appears complete or not at all. */
    StoredPhoto store(byte[] content, ImageType type) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String name = HexFormat.of().formatHex(id) + "." + type.extension();
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "upload-", ".part");
            Files.write(partial, content);
            Path file = folder.resolve(name);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Stored photo {} ({} bytes)", name, content.length);
            return new StoredPhoto(name, type, file);
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to store a photo in " + folder, failure);
        }
    }

    /** Finds a stored photo by its name; empty for a name the server could not have made or a missing file. */
    Optional<StoredPhoto> find(String name) {
        Matcher matcher = STORED_NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return ImageType.ofExtension(matcher.group(2)).map(type -> new StoredPhoto(name, type, file));
    }
}

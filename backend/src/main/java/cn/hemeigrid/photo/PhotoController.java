package cn.hemeigrid.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * Upload of one photo per request (multipart field {@code file}) and read-only download. The
 * returned {@code ref} goes into the {@code photos} list of a report or a workflow step.
 */
@RestController
class PhotoController {

    static final String PATH = "/api/v1/photos";

    private final PhotoStore store;
    private final PhotoProperties properties;

    PhotoController(PhotoStore store, PhotoProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    record UploadedPhoto(String ref, String contentType, long size) {
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadedPhoto> upload(@RequestParam("file") List<MultipartFile> files) {
        if (files.size() != 1) {
            throw RejectedRequestException.badRequest("photo.one-per-request", files.size());
        }
        MultipartFile file = files.get(0);
        long maxBytes = properties.maxSize().toBytes();
        if (file.getSize() > maxBytes) {
            throw new RejectedRequestException(HttpStatus.CONTENT_TOO_LARGE, "photo.too-large", maxBytes / 1024 / 1024);
        }
        if (file.isEmpty()) {
            throw RejectedRequestException.badRequest("photo.empty");
        }
        byte[] content = bytes(file);
        ImageType type = ImageType.detect(content)
                .orElseThrow(() -> new RejectedRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo.type-invalid"));

        PhotoStore.StoredPhoto stored = store.store(content, type);
        String ref = PATH + "/" + stored.name();
        return ResponseEntity.created(URI.create(ref)).body(new UploadedPhoto(ref, type.mediaType(), content.length));
    }

    /**
     * Sends a stored photo with its detected type. nosniff and a sandboxing Content-Security-Policy
     * keep a browser from running the file as a page, whatever bytes follow the image header.
     */
    @GetMapping(PATH + "/{name}")
    ResponseEntity<Resource> download(@PathVariable String name) {
        PhotoStore.StoredPhoto photo = store.find(name)
                .orElseThrow(() -> RejectedRequestException.notFound("photo.not-found", name));

        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.type().mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + photo.name() + "\"")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePrivate().immutable())
                .body(new FileSystemResource(photo.file()));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to read an uploaded photo", failure);
        }
    }
}

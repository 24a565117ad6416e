package cn.hemeigrid.planning.shapefile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The files of one Shapefile inside a zip archive. Reading guards against hostile archives: it
 * stops after {@value #MAX_ENTRIES} entries or {@value #MAX_UNZIPPED_MB} MB of unzipped
 * content (counted while inflating, not taken from the entry headers, and counting the skipped
 * entries too, because skipping an entry inflates it as well), rejects entry
 * names with {@code ..} segments or absolute paths, and never writes to disk. Entry names
 * without the UTF-8 flag are decoded as GBK, as Windows in China writes them.
 *
 * @param shp the .shp file, never null
 * @param shx the .shx index, null when the archive has none (reading does not need it)
 * @param dbf the .dbf table, never null
 * @param prj the .prj text, null without one
 * @param cpg the .cpg text, null without one
 */
public record ShapefileArchive(String name, byte[] shp, byte[] shx, byte[] dbf, String prj, String cpg) {

    public static final int MAX_ENTRIES = 100;
    public static final int MAX_UNZIPPED_MB = 256;

    private static final long MAX_UNZIPPED_BYTES = MAX_UNZIPPED_MB * 1024L * 1024L;
    private static final List<String> PARTS = List.of("shp", "shx", "dbf", "prj", "cpg");

    /**
     * Reads the one Shapefile of a zip archive, which may sit in a folder of the archive.
     * Other files (a .qmd, .sbn or readme) are skipped.
     *
     * @throws RejectedRequestException 400 for a file that is not a zip archive, too many entries,
     *                                  too many bytes, an unsafe entry name, no or several .shp
     *                                  files, or a .shp file without its .dbf
     */
    public static ShapefileArchive read(byte[] zip) {
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
            throw RejectedRequestException.badRequest("planning.import.zip-unreadable");
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), Charset.forName("GBK"))) {
            int entries = 0;
            long unzipped = 0;
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entries > MAX_ENTRIES) {
                    throw RejectedRequestException.badRequest("planning.import.zip-too-many-entries", MAX_ENTRIES);
                }
                String name = entry.getName().replace('\\', '/');
                checkSafe(name);
                boolean part = !entry.isDirectory() && isPart(name);
                ByteArrayOutputStream content = part ? new ByteArrayOutputStream() : null;
                unzipped += inflate(in, content, MAX_UNZIPPED_BYTES - unzipped);
                if (part) {
                    parts.put(name, content.toByteArray());
                }
            }
            if (entries == 0) {
                throw RejectedRequestException.badRequest("planning.import.zip-unreadable");
            }
        } catch (IOException | IllegalArgumentException damaged) {
            // The archive is in memory, so every read error (a ZipException, or the EOFException of a
            // truncated upload) means a damaged archive.
            throw RejectedRequestException.badRequest("planning.import.zip-unreadable");
        }
        return fromParts(parts);
    }

    /** Writes the parts of a Shapefile named {@code name} (without extension) as a zip archive. */
    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("shp", shp);
            files.put("shx", shx);
            files.put("dbf", dbf);
            files.put("prj", prj == null ? null : prj.getBytes(StandardCharsets.UTF_8));
            files.put("cpg", cpg == null ? null : cpg.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (file.getValue() != null) {
                    zip.putNextEntry(new ZipEntry(name + "." + file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static ShapefileArchive fromParts(Map<String, byte[]> parts) {
        List<String> shpNames = new ArrayList<>();
        for (String name : parts.keySet()) {
            if (extension(name).equals("shp")) {
                shpNames.add(name);
            }
        }
        if (shpNames.isEmpty()) {
            throw RejectedRequestException.badRequest("planning.import.zip-no-shp");
        }
        if (shpNames.size() > 1) {
            throw RejectedRequestException.badRequest("planning.import.zip-several-shp", String.join("、", shpNames));
        }
        String shpName = shpNames.get(0);
        String stem = shpName.substring(0, shpName.length() - 4);
        byte[] dbf = part(parts, stem, "dbf");
        if (dbf == null) {
            throw RejectedRequestException.badRequest("planning.import.zip-no-dbf", shpName);
        }
        byte[] prj = part(parts, stem, "prj");
        byte[] cpg = part(parts, stem, "cpg");
        String baseName = stem.substring(stem.lastIndexOf('/') + 1);
        return new ShapefileArchive(baseName, parts.get(shpName), part(parts, stem, "shx"), dbf,
                prj == null ? null : text(prj), cpg == null ? null : text(cpg));
    }

    private static byte[] part(Map<String, byte[]> parts, String stem, String extension) {
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String name = part.getKey();
            if (name.length() == stem.length() + 4 && name.regionMatches(true, 0, stem, 0, stem.length())
                    && extension(name).equals(extension)) {
                return part.getValue();
            }
        }
        return null;
    }

    /** Decodes a .prj or .cpg file, which hold ASCII in practice. */
    private static String text(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1).strip() : text.strip();
    }

    private static void checkSafe(String name) {
        boolean absolute = name.startsWith("/") || name.matches("^[A-Za-z]:.*");
        boolean climbs = List.of(name.split("/")).contains("..");
        if (absolute || climbs || name.indexOf('\0') >= 0) {
            throw RejectedRequestException.badRequest("planning.import.zip-unsafe-name", name);
        }
    }

    private static boolean isPart(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        // macOS adds __MACOSX/ folders and ._ files of resource forks beside the real ones.
        return !name.startsWith("__MACOSX/") && !fileName.startsWith("._") && PARTS.contains(extension(name));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Inflates the current entry into {@code content}, or discards it when that is null, and
     * returns the number of bytes inflated.
     */
    private static long inflate(ZipInputStream in, ByteArrayOutputStream content, long remaining) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long inflated = 0;
        int count;
        while ((count = in.read(buffer)) > 0) {
            inflated += count;
            if (inflated > remaining) {
                throw RejectedRequestException.badRequest("planning.import.zip-too-large", MAX_UNZIPPED_MB);
            }
            if (content != null) {
                content.write(buffer, 0, count);
            }
        }
        return inflated;
    }
}

package org.tl4j.data;

import org.tl4j.course.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder of converted data sets that set-up fills (`make datasets`), and the checks that its
 * files are whole: each file is compared once per JVM with the SHA-256 recorded in its manifest.
 */
public final class DatasetCache {
    private static final Messages TEXT = Messages.of(DatasetCache.class);
    public static final String ENV = "TL4J_DATA";
    public static final String PROPERTY = "tl4j.data";
    public static final String MANIFEST = "MANIFEST.sha256";

    private static final Set<Path> VERIFIED = ConcurrentHashMap.newKeySet();

    private DatasetCache() {
    }

    /** The cache folder: -Dtl4j.data, else $TL4J_DATA, else datasets/cache in this folder or a parent. */
    public static Path dir() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENV));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("datasets").resolve("cache");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new DatasetException(TEXT.get("DatasetCache.cacheNotFound", ENV));
    }

    /** A cache file, checked against the manifest the first time it is used in this JVM. */
    public static Path verifiedFile(String name) {
        Path dir = dir();
        Path file = dir.resolve(name);
        if (VERIFIED.contains(file)) {
            return file;
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(TEXT.get("DatasetCache.fileMissing", file));
        }
        String expected = readManifest(dir).get(name);
        if (expected == null) {
            throw new DatasetException(TEXT.get("DatasetCache.noManifestEntry", dir.resolve(MANIFEST), name));
        }
        String actual = sha256(file);
        if (!expected.equalsIgnoreCase(actual)) {
            throw new DatasetException(TEXT.get("DatasetCache.fileDamaged", file, actual, expected));
        }
        VERIFIED.add(file);
        return file;
    }

    /** Reads a file in `sha256sum` format: "hex  name" per line. */
    public static Map<String, String> readManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new DatasetException(TEXT.get("DatasetCache.manifestMissing", dir, MANIFEST));
        }
        try {
            return parseChecksums(Files.readAllLines(manifest));
        } catch (IOException e) {
            throw new DatasetException(TEXT.get("DatasetCache.cannotRead", manifest, e.getMessage()), e);
        }
    }

    static Map<String, String> parseChecksums(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+", 2);
            if (parts.length == 2) {
                out.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
            }
        }
        return out;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DatasetException(TEXT.get("DatasetCache.cannotRead", file, e.getMessage()), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

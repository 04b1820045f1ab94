package org.tl4j.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetCacheTest {
    private String saved;

    @BeforeEach
    void remember() {
        saved = System.getProperty(DatasetCache.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(DatasetCache.PROPERTY);
        } else {
            System.setProperty(DatasetCache.PROPERTY, saved);
        }
    }

    private static Path writeCache(Path dir, String name, byte[] content, String recordedSha) throws IOException {
        Files.write(dir.resolve(name), content);
        Files.writeString(dir.resolve(DatasetCache.MANIFEST), recordedSha + "  " + name + "\n");
        return dir.resolve(name);
    }

    @Test
    void intactFileIsAccepted(@TempDir Path dir) throws IOException {
        byte[] content = Idx.encode(new int[]{2}, new byte[]{1, 2});
        Path f = dir.resolve("a.idx");
        Files.write(f, content);
        writeCache(dir, "a.idx", content, DatasetCache.sha256(f));
        System.setProperty(DatasetCache.PROPERTY, dir.toString());
        assertEquals(f.toAbsolutePath(), DatasetCache.verifiedFile("a.idx"));
    }

    @Test
    void damagedFileIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
        writeCache(dir, "b.idx", new byte[]{0, 0, 8, 1, 0, 0, 0, 1, 7}, "00".repeat(32));
        System.setProperty(DatasetCache.PROPERTY, dir.toString());
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetCache.verifiedFile("b.idx"));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("make datasets"), e.getMessage());
    }

    @Test
    void missingFileAndMissingManifestNameTheFix(@TempDir Path dir) throws IOException {
        System.setProperty(DatasetCache.PROPERTY, dir.toString());
        DatasetException missing = assertThrows(DatasetException.class, () -> DatasetCache.verifiedFile("c.idx"));
        assertTrue(missing.getMessage().contains("missing") && missing.getMessage().contains("make datasets"), missing.getMessage());
        Files.write(dir.resolve("c.idx"), new byte[]{1});
        DatasetException noManifest = assertThrows(DatasetException.class, () -> DatasetCache.verifiedFile("c.idx"));
        assertTrue(noManifest.getMessage().contains(DatasetCache.MANIFEST), noManifest.getMessage());
    }

    @Test
    void checksumFilesParseLikeSha256sum() {
        assertEquals("ab", DatasetCache.parseChecksums(List.of("# comment", "", "ab  dir/file.bin")).get("dir/file.bin"));
    }

    @Test
    void idxRoundTripAndTruncation() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        byte[] encoded = Idx.encode(new int[]{3, 2}, data);
        Idx.Content c = Idx.parse(encoded, "t");
        assertEquals(3, c.dims()[0]);
        assertEquals(2, c.dims()[1]);
        assertEquals(6, c.data()[5]);
        byte[] cut = java.util.Arrays.copyOf(encoded, encoded.length - 1);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.parse(cut, "cut.idx"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(DatasetException.class, () -> Idx.parse(new byte[]{1, 2, 3}, "junk"));
    }

    @Test
    void atomicWriteLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.idx");
        DatasetPreparation.writeAtomically(target, new byte[]{9, 9});
        assertEquals(2, Files.size(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        Path blocked = dir.resolve("sub");
        Files.createDirectories(blocked.resolve("x")); // a non-empty directory cannot be replaced by a file
        assertThrows(IOException.class, () -> DatasetPreparation.writeAtomically(blocked, new byte[]{1}));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".partial")));
        }
    }

    @Test
    void changedSourcePackageIsRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/file"), "changed");
        Path sums = dir.resolve("sums");
        Files.writeString(sums, "00  pkg/file\n11  pkg/gone\n");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetPreparation.verifySources(dir, sums));
        assertTrue(e.getMessage().contains("checksum differs") && e.getMessage().contains("missing"), e.getMessage());
    }
}

package dev.arena.debate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StancesTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("stances.txt"), text);
    }

    @Test
    void readsBothSectionsCaseInsensitively() throws Exception {
        Map<Side, String> stances = Stances.read(file("\n[PRO]\nAn urbanist.\nWith two lines.\n[con]\n  A commuter.\n"));
        assertEquals("An urbanist.\nWith two lines.", stances.get(Side.PRO));
        assertEquals("A commuter.", stances.get(Side.CON));
    }

    @Test
    void oneSectionIsEnough() throws Exception {
        assertEquals(Map.of(Side.CON, "Only con."), Stances.read(file("[con]\nOnly con.\n")));
    }

    @Test
    void mistakesAreSentencesNamingTheLine() throws Exception {
        assertTrue(assertThrows(IOException.class, () -> Stances.read(file("hello\n[pro]\nx"))).getMessage().contains("line 1"));
        assertTrue(assertThrows(IOException.class, () -> Stances.read(file("[pro]\nx\n[judge]\ny"))).getMessage()
                .contains("unknown section [judge]"));
        assertTrue(assertThrows(IOException.class, () -> Stances.read(file("[pro]\n\n[con]\n"))).getMessage()
                .contains("no [pro] or [con] section"));
        Path missing = dir.resolve("nope");
        IOException e = assertThrows(IOException.class, () -> Stances.read(missing));
        assertEquals(missing + " does not exist", Stances.describe(e, missing));
        Path binary = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        IOException b = assertThrows(IOException.class, () -> Stances.read(binary));
        assertEquals(binary + " is not UTF-8 text", Stances.describe(b, binary));
    }
}

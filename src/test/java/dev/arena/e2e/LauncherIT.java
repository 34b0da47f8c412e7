package dev.arena.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/arena itself: it finds its checkout and java without starting helper processes, and
 * rebuilds exactly when the sources are newer than the jar. The rebuild cases run a copy of
 * the launcher in a scratch checkout whose {@code mvn} only records that it was called.
 */
class LauncherIT {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path tmp;

    @Test
    void runsThroughAChainOfSymlinksWithRelativeHops() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path second = Files.createSymbolicLink(links.resolve("second"), ArenaProcess.LAUNCHER);
        Path first = Files.createSymbolicLink(tmp.resolve("arena"), Path.of("links/second"));
        assertTrue(Files.isSymbolicLink(second));
        Run run = run(first, tmp, Map.of("JAVA_HOME", System.getProperty("java.home")), "--version");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.stdout.startsWith("arena "), run.toString());
    }

    @Test
    void runsThroughASymlinkedBinDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path bin = Files.createSymbolicLink(elsewhere.resolve("bin"), ArenaProcess.LAUNCHER.getParent());
        Run run = run(bin.resolve("arena"), tmp, Map.of("JAVA_HOME", System.getProperty("java.home")), "--version");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.stdout.startsWith("arena "), run.toString());
        assertEquals("", run.stderr, run.toString());
    }

    /** Every path the launcher builds stays one word: the archive is made, found and used. */
    @Test
    void aCheckoutWhosePathHasSpacesGetsAndUsesItsClassArchive() throws Exception {
        Path home = tmp.resolve("with space").resolve("check out");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(ArenaProcess.LAUNCHER, home.resolve("bin/arena"));
        Files.copy(ArenaProcess.HOME.resolve("target/arena.jar"), home.resolve("target/arena.jar"));
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        for (int i = 0; i < 2; i++) {
            Run run = run(home.resolve("bin/arena"), tmp, env, "--version");
            assertEquals(0, run.exit, run.toString());
            assertTrue(run.stdout.startsWith("arena "), run.toString());
            assertEquals("", run.stderr, run.toString());
        }
        try (var files = Files.list(home.resolve("target/cds"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".failed") || n.matches(".*\\.\\d+(\\..*)?")),
                    "no failure marker or leftover of a training: " + names);
        }
    }

    @Test
    void findsJavaOnThePathThroughSymlinksWhenJavaHomeIsUnset() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), JAVA);
        Run run = run(ArenaProcess.LAUNCHER, tmp, Map.of("PATH", bin + ":/usr/bin:/bin"), "--version");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.stdout.startsWith("arena "), run.toString());
        assertEquals("", run.stderr, run.toString());
    }

    @Test
    void noJavaAnywhereIsExitThreeWithOneSentence() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run run = run(ArenaProcess.LAUNCHER, tmp, Map.of("PATH", empty.toString()), "--version");
        assertEquals(3, run.exit, run.toString());
        assertTrue(run.stderr.startsWith("arena: no java found"), run.toString());
    }

    @Test
    void rebuildsOnlyWhenThePomOrASourceIsNewerThanTheJar() throws Exception {
        Path home = scratchCheckout();
        Path deep = home.resolve("src/main/java/dev/arena/deep/Deep.java");
        Path log = home.resolve("mvn.log");

        assertEquals(List.of(), builds(home, log), "everything older than the jar");

        Files.setLastModifiedTime(deep, FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(List.of("build"), builds(home, log), "a source five levels down changed");

        Files.setLastModifiedTime(deep, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(deep.resolveSibling("Added.java"), "class Added {}");
        setOld(deep.getParent());
        Files.setLastModifiedTime(deep.resolveSibling("Added.java"), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(List.of("build", "build"), builds(home, log), "a source was added");

        Files.delete(deep.resolveSibling("Added.java"));
        Files.setLastModifiedTime(deep.getParent(), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(List.of("build", "build", "build"), builds(home, log), "a source was deleted");

        setOld(deep.getParent());
        Files.setLastModifiedTime(home.resolve("pom.xml"), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(4, builds(home, log).size(), "the pom changed");
    }

    /** Runs the scratch launcher once and returns what its mvn recorded so far. */
    private List<String> builds(Path home, Path log) throws Exception {
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Path mvn = tools.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho build >> '" + log + "'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run run = run(home.resolve("bin/arena"), home,
                Map.of("PATH", tools + ":" + JAVA.getParent() + ":/usr/bin:/bin"), "--version");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.stdout.startsWith("arena "), run.toString());
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** A checkout with the real launcher and jar, a pom and a deep source, all older than the jar. */
    private Path scratchCheckout() throws IOException {
        Path home = tmp.resolve("checkout");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Files.createDirectories(home.resolve("src/main/java/dev/arena/deep"));
        Files.copy(ArenaProcess.LAUNCHER, home.resolve("bin/arena"));
        Files.copy(ArenaProcess.HOME.resolve("target/arena.jar"), home.resolve("target/arena.jar"));
        Files.writeString(home.resolve("pom.xml"), "<project/>", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("src/main/java/dev/arena/deep/Deep.java"), "class Deep {}");
        setOld(home.resolve("src"));
        Files.setLastModifiedTime(home.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        return home;
    }

    /** Dates a tree an hour back, so that the jar (copied just now) is newer than all of it. */
    private static void setOld(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    /** The links go first, so that the temporary directory's clean-up has nothing to warn about. */
    @AfterEach
    void removeLinks() throws IOException {
        try (var paths = Files.walk(tmp)) {
            for (Path p : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(Path launcher, Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        Run run = new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        assertFalse(run.stderr.contains("Exception"), run.toString());
        return run;
    }
}

package dev.arena.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into the jar; works from target/classes too, unlike the manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/arena-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"arena " + p.getProperty("version", "unknown")};
    }
}

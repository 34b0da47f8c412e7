package dev.arena.debate;

import dev.arena.catalog.Aliases;
import dev.arena.catalog.ModelCheck;
import dev.arena.config.ValueChecks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link DebateSettings} from what the user wrote, and refuses what cannot make a
 * debate with one sentence ({@link InvalidSettingsException}). {@code arena debate} and each
 * debate of a tournament go through it, so both resolve aliases, order fallbacks and check
 * ranges the same way. The ranges are checked again here, through {@link ValueChecks}, even
 * though the options' converters check them: a value that came from code rather than from an
 * option is refused with the sentence a user typing it gets.
 *
 * <p>Nothing is read or resolved before {@link #build()}. {@link #rounds(int)} must be given;
 * temperature, max tokens and seed left out are not sent, so the server's defaults apply.
 * A builder is mutable and belongs to one caller; the settings it builds are values.
 */
public final class DebateSetup {

    private final Aliases aliases;
    private List<String> topicWords = List.of();
    private String pro;
    private String con;
    private List<String> proFallbacks = List.of();
    private List<String> conFallbacks = List.of();
    private List<String> sharedFallbacks = List.of();
    private List<String> judge = List.of();
    private Path stanceFile;
    private String systemPro;
    private String systemCon;
    private int rounds;
    private Double temperature;
    private Integer maxTokens;
    private Long seed;

    /** @param aliases how to read a model written as an alias, wherever a model is written */
    public DebateSetup(Aliases aliases) {
        this.aliases = aliases;
    }

    /** The motion, as words to be joined with spaces (a shell splits an unquoted topic). */
    public DebateSetup topic(List<String> words) {
        this.topicWords = List.copyOf(words);
        return this;
    }

    /** Pro's model and its own fallbacks, tried before the shared ones. */
    public DebateSetup pro(String model, List<String> fallbacks) {
        this.pro = model;
        this.proFallbacks = List.copyOf(fallbacks);
        return this;
    }

    /** Con's model and its own fallbacks, tried before the shared ones. */
    public DebateSetup con(String model, List<String> fallbacks) {
        this.con = model;
        this.conFallbacks = List.copyOf(fallbacks);
        return this;
    }

    /** Fallbacks for both sides, after each side's own. */
    public DebateSetup sharedFallbacks(List<String> fallbacks) {
        this.sharedFallbacks = List.copyOf(fallbacks);
        return this;
    }

    /** The judge and its fallbacks, in order; empty for an unjudged debate. */
    public DebateSetup judge(List<String> models) {
        this.judge = List.copyOf(models);
        return this;
    }

    /**
     * The personas: a stance file (or null) and each side's own (or null), which wins over
     * the file's, since it was written for this run.
     */
    public DebateSetup stances(Path file, String systemPro, String systemCon) {
        this.stanceFile = file;
        this.systemPro = systemPro;
        this.systemCon = systemCon;
        return this;
    }

    public DebateSetup rounds(int rounds) {
        this.rounds = rounds;
        return this;
    }

    public DebateSetup temperature(Double temperature) {
        this.temperature = temperature;
        return this;
    }

    public DebateSetup maxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
        return this;
    }

    public DebateSetup seed(Long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The settings, or the first problem in the order a user reads the command: ranges, the
     * fighters, the topic, the stance file, the judge. The stance file is read here.
     */
    public DebateSettings build() throws InvalidSettingsException {
        checkRanges();
        if (pro == null || con == null || pro.isBlank() || con.isBlank()) {
            throw new InvalidSettingsException("--pro and --con must not be empty");
        }
        String topic = String.join(" ", topicWords).strip();
        if (topic.isEmpty()) {
            throw new InvalidSettingsException("the topic is empty");
        }
        Map<Side, String> stances = stances();
        Fighter proFighter = new Fighter(Side.PRO, chain(pro, proFallbacks), stances.get(Side.PRO));
        Fighter conFighter = new Fighter(Side.CON, chain(con, conFallbacks), stances.get(Side.CON));
        List<String> judgeModels = chain(null, judge);
        if (!judge.isEmpty() && judgeModels.isEmpty()) {
            throw new InvalidSettingsException("--judge needs a model id");
        }
        return new DebateSettings(topic, rounds, proFighter, conFighter, temperature, maxTokens, seed, judgeModels);
    }

    /** Every model the debate may ask, with the role it plays, for checking against the catalogue. */
    public static List<ModelCheck.Requested> requestedModels(DebateSettings settings) {
        List<ModelCheck.Requested> ids = new ArrayList<>(ModelCheck.requested("Pro", settings.pro().models()));
        ids.addAll(ModelCheck.requested("Con", settings.con().models()));
        ids.addAll(ModelCheck.requested("--judge", settings.judgeModels()));
        return ids;
    }

    private void checkRanges() throws InvalidSettingsException {
        check("--rounds", () -> ValueChecks.rounds(rounds));
        if (temperature != null) {
            check("--temperature", () -> ValueChecks.temperature(temperature));
        }
        if (maxTokens != null) {
            check("--max-tokens", () -> ValueChecks.maxTokens(maxTokens));
        }
    }

    /** A range check's sentence, after the option it is about, as the stance file's is. */
    private static void check(String option, Runnable check) throws InvalidSettingsException {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(option + ": " + e.getMessage());
        }
    }

    /**
     * A fighter's own model, its own fallbacks, then the shared ones; or, for the judge (no
     * {@code first}), its list alone. Blank entries (as in {@code a,,b}) are dropped, aliases
     * resolved, and each model kept once, where it first appears: asking a model that just
     * failed again would only fail again.
     */
    private List<String> chain(String first, List<String> own) {
        LinkedHashSet<String> models = new LinkedHashSet<>();
        if (first != null) {
            models.add(aliases.resolve(first));
        }
        addResolved(own, models);
        if (first != null) {
            addResolved(sharedFallbacks, models);
        }
        return List.copyOf(models);
    }

    private void addResolved(List<String> written, LinkedHashSet<String> models) {
        written.stream().map(String::strip).filter(m -> !m.isEmpty()).map(aliases::resolve).forEach(models::add);
    }

    private Map<Side, String> stances() throws InvalidSettingsException {
        Map<Side, String> stances = new EnumMap<>(Side.class);
        if (stanceFile != null) {
            try {
                stances.putAll(Stances.read(stanceFile));
            } catch (IOException e) {
                throw new InvalidSettingsException("--stance-file: " + Stances.describe(e, stanceFile));
            }
        }
        if (systemPro != null) {
            stances.put(Side.PRO, systemPro);
        }
        if (systemCon != null) {
            stances.put(Side.CON, systemCon);
        }
        return stances;
    }
}

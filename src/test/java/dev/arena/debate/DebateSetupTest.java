package dev.arena.debate;

import dev.arena.catalog.Aliases;
import dev.arena.catalog.ModelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DebateSetupTest {

    @TempDir
    Path dir;

    private final Aliases aliases = Aliases.builtIn().with(Map.of("mine", "x/my-model"), "test");

    /** A setup that builds: each test changes what it is about. */
    private DebateSetup setup() {
        return new DebateSetup(aliases).topic(List.of("Cities", "should", "ban", "cars")).pro("p/pro", List.of())
                .con("c/con", List.of()).rounds(3);
    }

    private static String refusal(DebateSetup setup) {
        return assertThrows(InvalidSettingsException.class, setup::build).getMessage();
    }

    @Test
    void theTopicIsTheWordsJoinedAndStripped() throws Exception {
        DebateSettings s = setup().topic(List.of(" ", "Cities", "should", "ban", "cars ")).build();
        assertEquals("Cities should ban cars", s.topic());
    }

    @Test
    void aChainIsTheOwnModelTheOwnFallbacksThenTheSharedOnesEachOnceResolved() throws Exception {
        DebateSettings s = setup()
                .pro("gpt-4o", List.of("x/one", " ", "openai/gpt-4o", " mine "))
                .con("x/one", List.of())
                .sharedFallbacks(List.of("x/two", "x/my-model", "x/one"))
                .build();
        assertEquals(List.of("openai/gpt-4o", "x/one", "x/my-model", "x/two"), s.pro().models());
        assertEquals(List.of("x/one", "x/two", "x/my-model"), s.con().models());
    }

    @Test
    void theJudgeTakesItsOwnListAloneWithoutTheFightersFallbacks() throws Exception {
        DebateSettings s = setup().sharedFallbacks(List.of("x/shared")).judge(List.of("gpt-4o-mini", "", "j/two", "gpt-4o-mini"))
                .build();
        assertEquals(List.of("openai/gpt-4o-mini", "j/two"), s.judgeModels());
        assertFalse(setup().build().judged());
    }

    @Test
    void samplingValuesPassAsGivenAndLeftOutAreNotSent() throws Exception {
        DebateSettings given = setup().rounds(50).temperature(0.00001).maxTokens(Integer.MAX_VALUE).seed(-7L).build();
        assertEquals(50, given.rounds());
        assertEquals(0.00001, given.temperature());
        assertEquals(Integer.MAX_VALUE, given.maxTokens());
        assertEquals(-7L, given.seed());
        DebateSettings left = setup().build();
        assertNull(left.temperature());
        assertNull(left.maxTokens());
        assertNull(left.seed());
    }

    @Test
    void aSidesOwnPersonaWinsOverTheStanceFile() throws Exception {
        Path file = Files.writeString(dir.resolve("stances.txt"), "[pro]\nFile pro.\n[con]\nFile con.\n");
        DebateSettings s = setup().stances(file, null, "Own con.").build();
        assertEquals("File pro.", s.pro().stance());
        assertEquals("Own con.", s.con().stance());
        DebateSettings none = setup().stances(null, "Own pro.", null).build();
        assertEquals("Own pro.", none.pro().stance());
        assertNull(none.con().stance());
    }

    @Test
    void anUnreadableStanceFileIsNamed() {
        Path missing = dir.resolve("missing.txt");
        assertEquals("--stance-file: " + missing + " does not exist", refusal(setup().stances(missing, null, null)));
    }

    @Test
    void aBlankOrMissingFighterIsRefused() {
        assertEquals("--pro and --con must not be empty", refusal(setup().pro(" ", List.of("x/fallback"))));
        assertEquals("--pro and --con must not be empty", refusal(setup().con("", List.of())));
        assertEquals("--pro and --con must not be empty", refusal(new DebateSetup(aliases).topic(List.of("t")).rounds(1)));
    }

    @Test
    void aBlankTopicIsRefused() {
        assertEquals("the topic is empty", refusal(setup().topic(List.of(" ", ""))));
        assertEquals("the topic is empty", refusal(setup().topic(List.of())));
    }

    @Test
    void aJudgeOfBlanksIsRefused() {
        assertEquals("--judge needs a model id", refusal(setup().judge(List.of(" ", ""))));
    }

    /** Values that bypassed the options' converters meet the same check and the same sentence. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rounds 0       | 0  |      |    | --rounds: '0' must be between 1 and 50",
        "rounds 51      | 51 |      |    | --rounds: '51' must be between 1 and 50",
        "temperature    | 3  | 2.5  |    | --temperature: '2.5' must be between 0 and 2",
        "negative temp. | 3  | -0.1 |    | --temperature: '-0.1' must be between 0 and 2",
        "NaN            | 3  | NaN  |    | --temperature: 'NaN' is not a decimal number such as 0.7",
        "max tokens 0   | 3  |      | 0  | --max-tokens: '0' must be between 1 and 2147483647",
    })
    void aValueOutOfRangeIsRefusedNamingItsOption(String name, int rounds, Double temperature, Integer maxTokens,
                                                  String sentence) {
        assertEquals(sentence, refusal(setup().rounds(rounds).temperature(temperature).maxTokens(maxTokens)));
    }

    @Test
    void roundsLeftOutAreRefused() {
        assertEquals("--rounds: '0' must be between 1 and 50",
                refusal(new DebateSetup(aliases).topic(List.of("t")).pro("p/a", List.of()).con("c/b", List.of())));
    }

    @Test
    void problemsComeInTheOrderTheCommandReads() {
        DebateSetup everythingWrong = new DebateSetup(aliases).topic(List.of(" ")).pro(" ", List.of()).con("c", List.of())
                .judge(List.of(" ")).stances(dir.resolve("missing"), null, null);
        assertEquals("--rounds: '0' must be between 1 and 50", refusal(everythingWrong));
        assertEquals("--pro and --con must not be empty", refusal(everythingWrong.rounds(1)));
        assertEquals("the topic is empty", refusal(everythingWrong.pro("p", List.of())));
        assertEquals("--stance-file: " + dir.resolve("missing") + " does not exist",
                refusal(everythingWrong.topic(List.of("t"))));
        assertEquals("--judge needs a model id", refusal(everythingWrong.stances(null, null, null)));
    }

    @Test
    void requestedModelsNameEachModelsRoleInChainOrder() throws Exception {
        DebateSettings s = setup().pro("p/a", List.of("p/b")).con("c/a", List.of()).judge(List.of("j/a", "j/b")).build();
        assertEquals(List.of(new ModelCheck.Requested("Pro", "p/a"), new ModelCheck.Requested("Pro", "p/b"),
                        new ModelCheck.Requested("Con", "c/a"),
                        new ModelCheck.Requested("--judge", "j/a"), new ModelCheck.Requested("--judge", "j/b")),
                DebateSetup.requestedModels(s));
    }
}

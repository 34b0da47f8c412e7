package dev.arena.output;

import com.google.gson.JsonParser;
import dev.arena.leaderboard.LeaderboardTable;
import dev.arena.leaderboard.ModelRow;
import dev.arena.ratings.Standing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three formats of one leaderboard: the JSON shape the README fixes, the Markdown table, the text table. */
class LeaderboardRenderersTest {

    private static final LeaderboardTable TABLE = new LeaderboardTable(List.of("cup"), List.of(
            new ModelRow("u/strong", 1, 1612.34, 1550.05, 1680.0, new Standing(3, 0, 1, 2, 1, 0), 0.00003, 1, 2),
            new ModelRow("t/mid|dle", 2, 1387.66, 1301.2, 1449.99, new Standing(1, 2, 1, 0, 3, 0), 0.0125, 0, 2),
            new ModelRow("s/weak", null, null, null, null, new Standing(0, 0, 0, 0, 0, 0), null, 3, 0)),
            List.of("2 debates were left out of the ratings because a fallback model spoke for a fighter"));

    @Test
    void jsonHasTheReadmesShapeWithPlainNumbersAndNullsForTheUnrated() {
        assertEquals("{\"tournament\":\"cup\",\"models\":["
                + "{\"rank\":1,\"model\":\"u/strong\",\"rating\":1612.3,\"ci_low\":1550.1,\"ci_high\":1680.0,\"wins\":5,"
                + "\"losses\":1,\"ties\":1,\"debates\":7,\"pro_win_rate\":0.750,\"con_win_rate\":0.667,"
                + "\"cost_per_debate\":0.000030,\"failed\":1,\"left_out\":2},"
                + "{\"rank\":2,\"model\":\"t/mid|dle\",\"rating\":1387.7,\"ci_low\":1301.2,\"ci_high\":1450.0,\"wins\":1,"
                + "\"losses\":5,\"ties\":1,\"debates\":7,\"pro_win_rate\":0.250,\"con_win_rate\":0.000,"
                + "\"cost_per_debate\":0.012500,\"failed\":0,\"left_out\":2},"
                + "{\"rank\":null,\"model\":\"s/weak\",\"rating\":null,\"ci_low\":null,\"ci_high\":null,\"wins\":0,"
                + "\"losses\":0,\"ties\":0,\"debates\":0,\"pro_win_rate\":null,\"con_win_rate\":null,"
                + "\"cost_per_debate\":null,\"failed\":3,\"left_out\":0}],"
                + "\"warnings\":[\"2 debates were left out of the ratings because a fallback model spoke for a fighter\"]}",
                LeaderboardJson.of(TABLE).toString());
    }

    @Test
    void aPooledLeaderboardNamesEveryTournamentAndATinyCostStaysPlain() {
        LeaderboardTable pooled = new LeaderboardTable(List.of("spring", "autumn"), List.of(
                new ModelRow("a/x", 1, 1500.0, 1400.0, 1600.0, new Standing(1, 0, 0, 0, 1, 0), 3.0e-8, 0, 0)), List.of());
        String json = LeaderboardJson.of(pooled).toString();
        assertEquals("spring, autumn", JsonParser.parseString(json).getAsJsonObject().get("tournament").getAsString());
        assertTrue(json.contains("\"cost_per_debate\":0.000000,"), json);
        assertTrue(json.contains("\"warnings\":[]"), json);
    }

    @Test
    void markdownIsAGithubTableWithEscapedPipesThenTheWarnings() {
        assertEquals("""
                # Leaderboard: cup

                | rank | model | rating | 95% CI | wins | losses | ties | debates | pro win | con win | cost/debate | failed | left out |
                | :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | 1 | u/strong | 1612.3 | [1550.1, 1680.0] | 5 | 1 | 1 | 7 | 75% | 67% | $0.000030 | 1 | 2 |
                | 2 | t/mid\\|dle | 1387.7 | [1301.2, 1450.0] | 1 | 5 | 1 | 7 | 25% | 0% | $0.0125 | 0 | 2 |
                | - | s/weak | - | - | 0 | 0 | 0 | 0 | - | - | unknown | 3 | 0 |

                - **Warning:** 2 debates were left out of the ratings because a fallback model spoke for a fighter
                """, LeaderboardMarkdown.of(TABLE));
    }

    @Test
    void textIsAnAlignedTableWithRankAndModelOnTheLeftThenTheWarnings() {
        assertEquals(List.of(
                "Leaderboard: cup",
                "rank  model      rating            95% CI  wins  losses  ties  debates  pro win  con win  cost/debate  failed  left out",
                "1     u/strong   1612.3  [1550.1, 1680.0]     5       1     1        7      75%      67%    $0.000030       1         2",
                "2     t/mid|dle  1387.7  [1301.2, 1450.0]     1       5     1        7      25%       0%      $0.0125       0         2",
                "-     s/weak          -                 -     0       0     0        0        -        -      unknown       3         0",
                "",
                "warning: 2 debates were left out of the ratings because a fallback model spoke for a fighter"),
                LeaderboardText.lines(TABLE));
    }
}

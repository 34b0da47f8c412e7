package dev.arena.debate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DryRunTest {

    @Test
    void plansEveryTurnWithPlaceholdersThenBothJudgeReadings() {
        DebateSettings s = new DebateSettings("T", 2, new Fighter(Side.PRO, List.of("p", "p2"), null),
                new Fighter(Side.CON, List.of("c"), null), 0.8, 500, null, List.of("j"));
        List<DryRun.PlannedRequest> plan = DryRun.plan(s);
        assertEquals(List.of("Round 1 — Pro", "Round 1 — Con", "Round 2 — Pro", "Round 2 — Con",
                "Judge, Pro presented first", "Judge, Con presented first"),
                plan.stream().map(DryRun.PlannedRequest::label).collect(Collectors.toList()));
        assertEquals(List.of("p", "p2"), plan.get(0).models());
        String conRound2 = plan.get(3).request().messages().get(3).content();
        assertTrue(conRound2.endsWith("<Pro's round 2 answer>"), conRound2);
        assertEquals("j", plan.get(4).request().model());
        assertTrue(plan.get(5).request().messages().get(1).content().contains("<Con's round 2 answer>"));
    }
}
